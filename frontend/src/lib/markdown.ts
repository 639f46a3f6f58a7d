import { roleLabel, seniorityLabel } from "./labels";
import { formatDateTime, plainCategory, scoreBand, topicLabel } from "./reportLabels";
import { MARK_ICONS, segments } from "./marks";
import { questionDetails } from "./review";
import type { AnswerView, Feedback, Interview, Report } from "./types";

const list = (items: string[]) => (items.length ? items.map((i) => `- ${i}`).join("\n") : "- none");
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");
const band = (outOfTen: number) => scoreBand(outOfTen).label;

/** The answer as a Markdown quote, its marks in brackets: [✓ covered words], [✗ wrong claim]. */
function markedQuote(answer: AnswerView): string {
  if (!answer.answer.trim()) return "_Skipped._";
  const text = segments(answer.answer, answer.feedback.highlights)
    .map((part) => (part.mark ? `**[${MARK_ICONS[part.mark.kind]} ${part.text}]**` : part.text))
    .join("");
  return text
    .split("\n")
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");
}

function score(feedback: Feedback): string {
  if (feedback.unscored === "skipped") return "Skipped: not scored.";
  if (feedback.unscored) return "Not scored: the coach reads English.";
  return `This answer: ${feedback.score.toFixed(1)} / 10 (${band(feedback.score)}).`;
}

function answerSection(
  answer: AnswerView | undefined,
  heading: string,
  title = "Your answer",
): string[] {
  if (!answer) return [`${heading} ${title}`, "", "Not answered.", ""];
  const feedback = answer.feedback;
  const corrections = (feedback.corrections ?? []).flatMap((c) => [
    `- You said: “${c.said}”`,
    `  - The problem: ${c.claim}`,
    `  - What is right: ${c.correction}`,
  ]);
  return [
    `${heading} ${title}`,
    "",
    markedQuote(answer),
    "",
    score(feedback),
    "",
    ...(feedback.unscored
      ? []
      : [
          "Covered:",
          "",
          list(feedback.covered_points),
          "",
          "Missed:",
          "",
          list(feedback.missed_points),
          "",
        ]),
    ...(corrections.length ? ["Corrections:", "", ...corrections, ""] : []),
    ...(feedback.improvements.length ? ["To improve:", "", list(feedback.improvements), ""] : []),
    ...(feedback.example_answer
      ? [`${heading} Example answer`, "", feedback.example_answer.trim(), ""]
      : []),
  ];
}

/**
 * The report as a Markdown document, for the "Export as Markdown" download: every question
 * with the answer (marks in brackets), its feedback, follow-ups and the example answer.
 */
export function reportMarkdown(report: Report, interview: Interview): string {
  const lines = [
    `# TuCoach AI report: ${roleLabel(interview.role)}, ${seniorityLabel(interview.seniority)}`,
    "",
    `Overall score: **${report.overall_score} / 100** (${band(report.overall_score / 10)}), ` +
      formatDateTime(report.generated_at),
    "",
    "## Categories",
    "",
    "| Category | Score | Summary |",
    "| --- | --- | --- |",
    ...report.categories.map(
      (c) =>
        `| ${plainCategory(c.category)} | ${c.score} / 100 (${band(c.score / 10)}) | ${cell(c.summary)} |`,
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
    "In your answers, **[✓ …]** marks a talking point you covered and **[✗ …]** a wrong claim.",
    "",
    ...questionDetails(report, interview).flatMap(
      ({ review, question, answer, earlier, followUps }, i) => [
        `### ${i + 1}. ${review.question_text}`,
        "",
        ...(question ? [`Topic: ${topicLabel(question.topic)}.`, ""] : []),
        `${review.scored === false ? "Not scored." : `Score: ${review.score.toFixed(1)} / 10 (${band(review.score)}).`} ${review.summary}`.trim(),
        "",
        ...earlier.flatMap((attempt) =>
          answerSection(attempt, "####", "Your answer before, not scored"),
        ),
        ...answerSection(answer, "####"),
        ...followUps.flatMap((followUp) => [
          `#### Follow-up: ${followUp.question.text}`,
          "",
          ...answerSection(followUp.answer, "#####"),
        ]),
      ],
    ),
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
