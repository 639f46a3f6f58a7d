// Labels of the report and the interview pages only (lazy chunks): kept out of labels.ts, which
// the first page loads, so they cost the initial JavaScript nothing.
import { categoryLabel } from "./labels";

const CATEGORIES: Record<string, string> = {
  technical_knowledge: "Technical knowledge",
  depth: "Depth",
  communication: "Communication",
  role_fit: "Fit for the role",
};

/** The report's category as a reader says it. */
export const plainCategory = (category: string): string =>
  CATEGORIES[category] ?? categoryLabel(category);

// Topic ids are snake_case words; these words and whole topics are not written as lower case.
const TOPIC_WORDS: Record<string, string> = {
  api: "API",
  bff: "BFF",
  css: "CSS",
  dom: "DOM",
  dora: "DORA",
  finops: "FinOps",
  git: "Git",
  gitops: "GitOps",
  html: "HTML",
  http: "HTTP",
  iam: "IAM",
  javascript: "JavaScript",
  kubernetes: "Kubernetes",
  linux: "Linux",
  react: "React",
  rest: "REST",
  slo: "SLOs",
  sql: "SQL",
  ssh: "SSH",
  ssr: "SSR",
  terraform: "Terraform",
  tls: "TLS",
};
const TOPICS: Record<string, string> = {
  bff: "Backend for frontend (BFF)",
  build_vs_buy: "Build or buy",
  ci_cd: "CI/CD",
  http_tls: "HTTP and TLS",
  i18n: "Internationalisation",
  infra_code_review: "Infrastructure code review",
  micro_frontends: "Micro-frontends",
  multi_region: "Multi-region",
  multi_tenancy: "Multi-tenancy",
  offline_first: "Offline-first",
  on_call: "On-call",
  tradeoffs: "Trade-offs",
};

/** A bank topic id (`query_tuning`) as words ("Query tuning"). */
export function topicLabel(topic: string): string {
  if (TOPICS[topic]) return TOPICS[topic];
  const words = topic.split("_").map((word) => TOPIC_WORDS[word] ?? word);
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A moment as people write it: "2 December 2026, 14:05" (the reader's time zone). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return `${day}, ${time}`;
}

export type Band = { label: string; tone: "low" | "mid" | "good" | "strong" };

/** The words for a score out of 10 (a score out of 100 is passed divided by 10). */
export function scoreBand(outOfTen: number): Band {
  if (outOfTen < 4) return { label: "Needs work", tone: "low" };
  if (outOfTen < 7) return { label: "Getting there", tone: "mid" };
  if (outOfTen < 9) return { label: "Good", tone: "good" };
  return { label: "Strong", tone: "strong" };
}
