import type { Role, Seniority } from "./types";

const roles: Record<Role, string> = { backend: "Backend", frontend: "Frontend", devops: "DevOps" };
const seniorities: Record<Seniority, string> = {
  junior: "Junior",
  senior: "Senior",
  techlead: "Tech lead",
  architect: "Architect",
};

export const roleLabel = (role: Role): string => roles[role] ?? role;
export const seniorityLabel = (seniority: Seniority): string => seniorities[seniority] ?? seniority;

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/** Report categories come as identifiers (`technical_knowledge`); people read "Technical knowledge". */
export function categoryLabel(category: string): string {
  const words = category.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
