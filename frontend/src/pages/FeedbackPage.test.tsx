import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { ApiError } from "../lib/api";
import { reportMarkdown } from "../lib/markdown";
import FeedbackPage from "./FeedbackPage";
import { fakeApi, interview, renderPage, report } from "../test/render";

const where = { path: "/interviews/i1/report", route: "/interviews/:id/report" };
const loadedApi = (overrides = {}) =>
  fakeApi({
    getInterview: vi.fn().mockResolvedValue(interview({ status: "completed", report })),
    report: vi.fn().mockResolvedValue(report),
    rating: vi.fn().mockResolvedValue({ rating: null }),
    ...overrides,
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
      api: loadedApi({ report: vi.fn().mockResolvedValue(unscored) }),
      ...where,
    });

    expect(await screen.findByText("not scored")).toBeInTheDocument();
    expect(screen.queryByText("0.0 / 10")).not.toBeInTheDocument();
    expect(reportMarkdown(unscored, "backend", "junior")).toContain("Not scored. In Spanish.");
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

  it("shows why a report is not ready", async () => {
    renderPage(<FeedbackPage />, {
      api: loadedApi({
        report: vi
          .fn()
          .mockRejectedValue(new ApiError(422, "report_not_ready", "Finish the interview first.")),
      }),
      ...where,
    });

    expect(await screen.findByRole("alert")).toHaveTextContent("Finish the interview first.");
    expect(screen.getByRole("link", { name: "Back to the interview" })).toBeInTheDocument();
  });
});

describe("reportMarkdown", () => {
  it("writes every part of the report", () => {
    const text = reportMarkdown(report, "backend", "techlead");

    expect(text).toContain("# TuCoach AI report: Backend, Tech lead");
    expect(text).toContain("Overall score: **72 / 100**");
    expect(text).toContain("| caching | 70 | Solid basics. |");
    expect(text).toContain("### 1. What is caching?");
    expect(text).toContain("Most used words: cache (4)");
  });
});
