import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useLocation } from "react-router";
import { vi } from "vitest";
import { ApiError } from "../lib/api";
import { handOver } from "../lib/handover";
import { reportMarkdown } from "../lib/markdown";
import FeedbackPage from "./FeedbackPage";
import { answerView, fakeApi, interview, question, renderPage, report } from "../test/render";
import type { Interview, Report } from "../lib/types";

const ANSWER = "I would invalidate on write and never expire keys.";
const FOLLOW_UP = question(1, {
  question_id: "q1~evict",
  kind: "follow_up",
  follow_up_of: "q1",
  text: "How do you evict?",
});
const reviewedInterview: Interview = interview({
  status: "completed",
  report,
  current_question: null,
  questions: [question(1, { text: "What is caching?", topic: "query_tuning" }), FOLLOW_UP],
  answers: [
    answerView("q1", ANSWER, {
      score: 6,
      corrections: [
        { said: "never expire", claim: "Keys never need to expire", correction: "Set a TTL." },
      ],
      highlights: [
        { start: 8, end: 27, kind: "covered", label: "cache invalidation" },
        { start: 32, end: 44, kind: "correction", label: "Keys never need to expire" },
      ],
    }),
    answerView("q1~evict", "LRU evicts the least recently used key.", {
      score: 8,
      example_answer: "Evict by LRU or LFU.",
    }),
  ],
});

const where = { path: "/interviews/i1/report", route: "/interviews/:id/report" };

/** The history entry's navigation state, as a reload would find it. */
function HistoryState() {
  return <output aria-label="history state">{JSON.stringify(useLocation().state ?? null)}</output>;
}
const loadedApi = (overrides = {}) =>
  fakeApi({
    getInterview: vi.fn().mockResolvedValue(interview({ status: "completed", report })),
    rating: vi.fn().mockResolvedValue({ rating: null }),
    ...overrides,
  });
/** The API of a finished interview whose report is `shown`. */
const reportApi = (shown: Report) =>
  loadedApi({
    getInterview: vi.fn().mockResolvedValue(interview({ status: "completed", report: shown })),
  });

describe("FeedbackPage", () => {
  it("shows the overall and category scores, review and insights", async () => {
    renderPage(<FeedbackPage />, { api: loadedApi(), ...where });

    expect(await screen.findByLabelText("Overall score 72 out of 100")).toBeInTheDocument();
    expect(screen.getByText("70/100")).toBeInTheDocument();
    expect(screen.getByText("Caching")).toBeInTheDocument();
    expect(screen.getByText("Clear structure")).toBeInTheDocument();
    expect(screen.getByText("Eviction policies")).toBeInTheDocument();
    expect(screen.getByText("What is caching?")).toBeInTheDocument();
    expect(screen.getByText("Redis")).toBeInTheDocument();
    expect(screen.getByText("invalidation")).toBeInTheDocument();
  });

  it("opens each question to the answer marked up, feedback and follow-up", async () => {
    renderPage(<FeedbackPage />, {
      api: loadedApi({ getInterview: vi.fn().mockResolvedValue(reviewedInterview) }),
      ...where,
    });
    const user = userEvent.setup();
    const summary = (await screen.findByText("What is caching?")).closest("summary")!;
    const details = summary.closest("details")!;
    expect(details).not.toHaveAttribute("open");
    expect(summary).toHaveTextContent("(Query tuning)");
    expect(summary).toHaveTextContent("7.0 / 10 Good");

    await user.click(summary);

    expect(details).toHaveAttribute("open");
    const marks = Array.from(details.querySelectorAll("mark"), (mark) => mark.textContent);
    expect(marks).toEqual([
      "✓covered: cache invalidation: “invalidate on write”",
      "✗wrong claim: Keys never need to expire: “never expire”",
    ]);
    expect(within(details).getByRole("heading", { name: "Corrections" })).toBeInTheDocument();
    expect(within(details).getAllByRole("heading", { name: "Example answer" })).toHaveLength(2);
    expect(within(details).getByText("A cache keeps hot data close.")).toBeInTheDocument();
    expect(
      within(details).getByRole("heading", { name: "Follow-up: How do you evict?" }),
    ).toBeInTheDocument();
    expect(
      within(details).getByText("LRU evicts the least recently used key."),
    ).toBeInTheDocument();
    expect(within(details).getByText("Evict by LRU or LFU.")).toBeInTheDocument();
  });

  it("labels categories plainly and dates the report in words", async () => {
    const labelled = {
      ...report,
      categories: [{ category: "technical_knowledge", score: 35, summary: "" }],
    };
    renderPage(<FeedbackPage />, {
      api: reportApi(labelled),
      ...where,
    });

    expect(await screen.findByText("Technical knowledge")).toBeInTheDocument();
    expect(screen.getByText("Needs work")).toBeInTheDocument();
    expect(screen.getByText(/^30 November 2026, \d\d:30$/)).toBeInTheDocument();
  });

  it("marks a question the coach did not score as not scored, here and in the export", async () => {
    const unscored = {
      ...report,
      questions: [
        {
          question_id: "q1",
          question_text: "What is caching?",
          score: 0,
          summary: "In Spanish.",
          scored: false,
        },
      ],
    };
    renderPage(<FeedbackPage />, {
      api: reportApi(unscored),
      ...where,
    });

    expect(await screen.findByText("not scored")).toBeInTheDocument();
    expect(screen.queryByText("0.0 / 10")).not.toBeInTheDocument();
    expect(reportMarkdown(unscored, interview())).toContain("Not scored. In Spanish.");
  });

  it("shows an answer in another language before the English one, not scored", async () => {
    // Given a question answered in Spanish, asked again, and answered in English
    const spanish = "Usaría una caché con invalidación por eventos.";
    const retried: Interview = interview({
      status: "completed",
      report,
      current_question: null,
      questions: [
        question(1, { text: "What is caching?" }),
        question(1, { text: "What is caching?", retry: true }),
      ],
      answers: [
        answerView("q1", spanish, { score: 0, unscored: "language", language: "es" }),
        answerView("q1", ANSWER, { score: 6 }),
      ],
    });
    renderPage(<FeedbackPage />, {
      api: loadedApi({ getInterview: vi.fn().mockResolvedValue(retried) }),
      ...where,
    });
    await userEvent.click(await screen.findByText("What is caching?"));

    // Then both answers are there, the Spanish one marked not scored, the English one scored
    expect(screen.getByRole("heading", { name: "Your answer before, not scored" })).toBeVisible();
    expect(screen.getByText(spanish)).toBeVisible();
    expect(screen.getByText("Not scored: the coach reads English")).toBeVisible();
    expect(screen.getByText("6.0 / 10")).toBeVisible();
    const markdown = reportMarkdown(report, retried);
    expect(markdown).toContain("#### Your answer before, not scored\n\n> " + spanish);
    expect(markdown).toContain("Not scored: the coach reads English.");
    expect(markdown.indexOf(spanish)).toBeLessThan(markdown.indexOf(ANSWER));
  });

  it("stores a rating through the API, and retries a failed one", async () => {
    const rate = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(503, "unavailable", "Try again shortly."))
      .mockResolvedValueOnce({
        interview_id: "i1",
        helpful: false,
        comment: "Too short",
        rated_at: "2026-11-30T11:00:00Z",
      });
    renderPage(<FeedbackPage />, { api: loadedApi({ rate }), ...where });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("radio", { name: "No" }));
    await user.type(screen.getByLabelText("Comment (optional)"), "Too short");
    await user.click(screen.getByRole("button", { name: "Send rating" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Try again shortly.");
    expect(screen.getByLabelText("Comment (optional)")).toHaveValue("Too short");
    await user.click(screen.getByRole("button", { name: "Retry" }));

    expect(await screen.findByText("Thank you: your rating is saved.")).toBeInTheDocument();
    expect(rate).toHaveBeenLastCalledWith("i1", false, "Too short");
  });

  it("asks for yes or no before sending a rating", async () => {
    const rate = vi.fn();
    renderPage(<FeedbackPage />, { api: loadedApi({ rate }), ...where });

    await userEvent.click(await screen.findByRole("button", { name: "Send rating" }));

    expect(screen.getByText("Choose yes or no first.")).toBeInTheDocument();
    expect(rate).not.toHaveBeenCalled();
  });

  it("prints for the PDF export", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    renderPage(<FeedbackPage />, { api: loadedApi(), ...where });

    await userEvent.click(await screen.findByRole("button", { name: "Export as PDF" }));

    expect(print).toHaveBeenCalled();
  });

  it("reads the interview alone: its report comes with it", async () => {
    const api = loadedApi();
    renderPage(<FeedbackPage />, { api, ...where });

    expect(await screen.findByLabelText("Overall score 72 out of 100")).toBeInTheDocument();
    expect(api.getInterview).toHaveBeenCalledTimes(1);
    expect(api.getInterview).toHaveBeenCalledWith("i1");
  });

  it("right after Finish reads nothing: the finished interview is handed over, unrated", async () => {
    const api = loadedApi();
    renderPage(
      <>
        <FeedbackPage />
        <HistoryState />
      </>,
      { api, ...where, state: handOver(reviewedInterview) },
    );

    expect(await screen.findByLabelText("Overall score 72 out of 100")).toBeInTheDocument();
    expect(screen.getByText("What is caching?")).toBeInTheDocument();
    // The rating form, without asking for a rating a just-finished interview cannot have
    expect(screen.getByRole("button", { name: "Send rating" })).toBeInTheDocument();
    expect(api.getInterview).not.toHaveBeenCalled();
    expect(api.rating).not.toHaveBeenCalled();
    // ... and the hand-over is cleared, so that a reload reads both
    expect(screen.getByLabelText("history state")).toHaveTextContent("null");
  });

  it("reads the interview and its rating when the one handed over is another", async () => {
    const api = loadedApi();
    renderPage(<FeedbackPage />, {
      api,
      ...where,
      state: handOver({ ...reviewedInterview, interview_id: "other" }),
    });

    expect(await screen.findByLabelText("Overall score 72 out of 100")).toBeInTheDocument();
    expect(api.getInterview).toHaveBeenCalledWith("i1");
    await waitFor(() => expect(api.rating).toHaveBeenCalledWith("i1"));
  });

  it("says an interview that is not finished has no report yet", async () => {
    renderPage(<FeedbackPage />, {
      api: loadedApi({ getInterview: vi.fn().mockResolvedValue(interview()) }),
      ...where,
    });

    expect(
      await screen.findByRole("heading", { name: "This interview is not finished yet" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to the interview" })).toHaveAttribute(
      "href",
      "/interviews/i1",
    );
    expect(screen.queryByRole("heading", { name: /^Your report/ })).not.toBeInTheDocument();
  });

  it("says why the interview did not load, with a retry", async () => {
    const getInterview = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(503, "unavailable", "The database is busy; retry."))
      .mockResolvedValueOnce(interview({ status: "completed", report }));
    renderPage(<FeedbackPage />, { api: loadedApi({ getInterview }), ...where });

    expect(await screen.findByRole("alert")).toHaveTextContent("The database is busy; retry.");
    expect(screen.getByRole("link", { name: "Back to the interview" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));

    expect(await screen.findByLabelText("Overall score 72 out of 100")).toBeInTheDocument();
  });
});

describe("reportMarkdown", () => {
  it("writes every part of the report, with plain labels and a human date", () => {
    const text = reportMarkdown(
      {
        ...report,
        categories: [{ category: "technical_knowledge", score: 70, summary: "Solid | basics." }],
      },
      interview({ seniority: "techlead", status: "completed" }),
    );

    expect(text).toContain("# TuCoach AI report: Backend, Tech lead");
    expect(text).toContain("Overall score: **72 / 100** (Good)");
    expect(text).toMatch(/30 November 2026, \d\d:30/);
    expect(text).not.toContain("2026-11-30T10:30:00Z");
    expect(text).toContain("| Technical knowledge | 70 / 100 (Good) | Solid \\| basics. |");
    expect(text).not.toContain("technical_knowledge");
    expect(text).toContain("### 1. What is caching?");
    expect(text).toContain("Most used words: cache (4)");
  });

  it("holds each answer marked up, its feedback, the follow-up and the example answer", () => {
    const text = reportMarkdown(report, reviewedInterview);

    expect(text).toContain("Topic: Query tuning.");
    expect(text).toContain("> I would **[✓ invalidate on write]** and **[✗ never expire]** keys.");
    expect(text).toContain("This answer: 6.0 / 10 (Getting there).");
    expect(text).toContain("Covered:\n\n- cache invalidation");
    expect(text).toContain("Missed:\n\n- eviction policies");
    expect(text).toContain("- You said: “never expire”");
    expect(text).toContain("  - The problem: Keys never need to expire");
    expect(text).toContain("  - What is right: Set a TTL.");
    expect(text).toContain("#### Example answer\n\nA cache keeps hot data close.");
    expect(text).toContain("#### Follow-up: How do you evict?");
    expect(text).toContain("> LRU evicts the least recently used key.");
  });
});
