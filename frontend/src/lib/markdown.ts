import { roleLabel, seniorityLabel } from "./labels";
import type { Report, Role, Seniority } from "./types";

const list = (items: string[]) => (items.length ? items.map((i) => `- ${i}`).join("\n") : "- none");

/** The report as a Markdown document, for the "Export as Markdown" download. */
export function reportMarkdown(report: Report, role: Role, seniority: Seniority): string {
  const lines = [
    `# TuCoach AI report: ${roleLabel(role)}, ${seniorityLabel(seniority)}`,
    "",
    `Overall score: **${report.overall_score} / 100** (${report.generated_at})`,
    "",
    "## Categories",
    "",
    "| Category | Score | Summary |",
    "| --- | --- | --- |",
    ...report.categories.map(
      (c) => `| ${c.category} | ${c.score} | ${c.summary.replace(/\|/g, "\\|")} |`,
    ),
    "",
    "## Strengths",
    "",
    list(report.strengths),
    "",
    "## To work on",
    "",
    list(report.to_work_on),
    "",
    "## Questions",
    "",
    ...report.questions.flatMap((q, index) => [
      `### ${index + 1}. ${q.question_text}`,
      "",
      `${q.scored === false ? "Not scored." : `Score: ${q.score} / 10.`} ${q.summary}`,
      "",
    ]),
    "## Insights",
    "",
    `Job terms used: ${report.insights.job_terms_used.join(", ") || "none"}`,
    "",
    `Most used words: ${
      report.insights.most_used_words.map((w) => `${w.word} (${w.count})`).join(", ") || "none"
    }`,
    "",
    "Talking points covered:",
    "",
    list(report.insights.talking_points_covered),
    "",
  ];
  return lines.join("\n");
}

export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
