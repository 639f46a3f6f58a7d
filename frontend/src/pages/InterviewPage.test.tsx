import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { ApiError } from "../lib/api";
import type { AnswerResult } from "../lib/types";
import FeedbackPage from "./FeedbackPage";
import InterviewPage from "./InterviewPage";
import {
  answerResult,
  fakeApi,
  feedback,
  interview,
  interviewState,
  question,
  renderPage,
  report,
} from "../test/render";

const route = "/interviews/:id";
const path = "/interviews/i1";

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe("InterviewPage", () => {
  it("shows one question with its progress", async () => {
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview: vi.fn().mockResolvedValue(interview()) }),
      path,
      route,
    });

    expect(await screen.findByText("Question 1 of 3")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(
      "What is question 1 about?",
    );
  });

  it("keeps the draft across a remount (a reload or a sign-in round trip)", async () => {
    const api = fakeApi({ getInterview: vi.fn().mockResolvedValue(interview()) });
    const first = renderPage(<InterviewPage />, { api, path, route });
    await userEvent.type(await screen.findByLabelText("Your answer"), "half an answer");
    first.unmount();

    renderPage(<InterviewPage />, { api, path, route });

    expect(await screen.findByLabelText("Your answer")).toHaveValue("half an answer");
  });

  it("keeps the answer on an error and retries with the same idempotency key", async () => {
    const answer = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(503, "unavailable", "DynamoDB is busy."))
      .mockResolvedValueOnce(answerResult({ answer: "Use a cache" }));
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview: vi.fn().mockResolvedValue(interview()), answer }),
      path,
      route,
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Your answer"), "Use a cache");
    await user.click(screen.getByRole("button", { name: "Submit answer" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("DynamoDB is busy.");
    expect(screen.getByLabelText("Your answer")).toHaveValue("Use a cache");
    await user.click(screen.getByRole("button", { name: "Retry" }));

    expect(await screen.findByRole("heading", { name: /Feedback: 7.5/ })).toBeInTheDocument();
    const keys = answer.mock.calls.map((call) => call[3] as string);
    expect(keys[0]).toHaveLength(36);
    expect(keys[1]).toBe(keys[0]);
    expect(answer).toHaveBeenCalledWith("i1", "q1", "Use a cache", keys[0]);
  });

  it("retries an edited answer with a new idempotency key", async () => {
    const answer = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(500, "internal", "Something broke."))
      .mockReturnValueOnce(new Promise<AnswerResult>(() => {}));
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview: vi.fn().mockResolvedValue(interview()), answer }),
      path,
      route,
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Your answer"), "First");
    await user.click(screen.getByRole("button", { name: "Submit answer" }));
    await screen.findByRole("alert");
    await user.type(screen.getByLabelText("Your answer"), " and more");
    await user.click(screen.getByRole("button", { name: "Retry" }));

    expect(answer).toHaveBeenLastCalledWith("i1", "q1", "First and more", expect.any(String));
    expect(answer.mock.calls[1]?.[3]).not.toBe(answer.mock.calls[0]?.[3]);
  });

  it("shows the feedback card beside the answer as stored, then the next question", async () => {
    const answer = vi.fn().mockResolvedValue(
      answerResult({
        answer: "An answer, as stored",
        feedback: {
          ...feedback,
          highlights: [{ start: 3, end: 9, kind: "covered", label: "cache invalidation" }],
        },
      }),
    );
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview: vi.fn().mockResolvedValue(interview()), answer }),
      path,
      route,
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Your answer"), "An answer");
    await user.click(screen.getByRole("button", { name: "Submit answer" }));

    expect(await screen.findByText("eviction policies")).toBeInTheDocument();
    expect(screen.getByText("Example answer")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /Feedback/ })).toHaveFocus();
    // The answer is the response's, as stored, marked where the feedback's highlights say
    const marks = Array.from(document.querySelectorAll("mark"), (mark) => mark.textContent);
    expect(marks).toEqual(["✓covered: cache invalidation: “answer”"]);
    await user.click(screen.getByRole("button", { name: "Next question" }));

    // The next question, with the progress of the response's state
    expect(await screen.findByText("Question 2 of 3")).toBeInTheDocument();
    expect(screen.getByLabelText("1 of 3 answered")).toBeInTheDocument();
    expect(screen.getByLabelText("Your answer")).toHaveValue("");
  });

  it("offers to finish after the last answer and opens the report it returned", async () => {
    const complete = vi
      .fn()
      .mockResolvedValue(interview({ status: "completed", current_question: null, report }));
    const answer = vi.fn().mockResolvedValue(answerResult({ next_question: null }));
    const getInterview = vi.fn().mockResolvedValue(interview());
    const rating = vi.fn();
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview, answer, complete, rating }),
      path,
      route,
      routes: { "/interviews/:id/report": <FeedbackPage /> },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Your answer"), "Last one");
    await user.click(screen.getByRole("button", { name: "Submit answer" }));
    await user.click(await screen.findByRole("button", { name: "Finish interview" }));

    expect(complete).toHaveBeenCalledWith("i1");
    // The report page shows what finishing returned, and reads neither it nor a rating
    expect(await screen.findByLabelText("Overall score 72 out of 100")).toBeInTheDocument();
    expect(getInterview).toHaveBeenCalledTimes(1);
    expect(rating).not.toHaveBeenCalled();
  });

  it("does not send an empty answer by hand", async () => {
    const answer = vi.fn();
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview: vi.fn().mockResolvedValue(interview()), answer }),
      path,
      route,
    });
    await userEvent.click(await screen.findByRole("button", { name: "Submit answer" }));

    expect(screen.getByText("Write or dictate an answer first.")).toBeInTheDocument();
    expect(answer).not.toHaveBeenCalled();
  });

  it("with a timer, turns red under 30 seconds and submits at zero", async () => {
    vi.useFakeTimers();
    try {
      localStorage.setItem("tucoach.timerMinutes", "1");
      sessionStorage.setItem("tucoach.draft.i1.q1", "timed answer");
      const answer = vi.fn(() => new Promise<AnswerResult>(() => {}));
      renderPage(<InterviewPage />, {
        api: fakeApi({ getInterview: vi.fn().mockResolvedValue(interview()), answer }),
        path,
        route,
      });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0);
      });
      const timer = screen.getByRole("timer");
      expect(timer).toHaveTextContent("1:00");
      await act(async () => {
        await vi.advanceTimersByTimeAsync(31_000);
      });
      expect(timer.parentElement).toHaveClass("warning");
      await act(async () => {
        await vi.advanceTimersByTimeAsync(30_000);
      });
      expect(answer).toHaveBeenCalledWith("i1", "q1", "timed answer", expect.any(String));
    } finally {
      vi.useRealTimers();
    }
  });

  it("says so when the interview cannot be loaded (a 404 is LoadFailed's), and retries", async () => {
    const getInterview = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(503, "unavailable", "DynamoDB is busy."))
      .mockResolvedValueOnce(interview());
    renderPage(<InterviewPage />, { api: fakeApi({ getInterview }), path, route });

    expect(await screen.findByRole("alert")).toHaveTextContent("DynamoDB is busy.");
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.getByText("Question 1 of 3")).toBeInTheDocument());
  });

  it("lets the candidate skip a follow-up, which is shown as not scored", async () => {
    const followUp = question(1, { question_id: "q1~fu", kind: "follow_up", follow_up_of: "q1" });
    const skip = vi.fn().mockResolvedValue(
      answerResult({
        question: followUp,
        answer: "",
        feedback: {
          ...feedback,
          score: 0,
          unscored: "skipped",
          improvements: ["Follow-up skipped: not scored; the main answer's score stands."],
        },
      }),
    );
    renderPage(<InterviewPage />, {
      api: fakeApi({
        getInterview: vi.fn().mockResolvedValue(interview({ current_question: followUp })),
        skip,
      }),
      path,
      route,
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Skip this follow-up" }));

    expect(skip).toHaveBeenCalledWith("i1", "q1~fu");
    expect(await screen.findByRole("heading", { name: "Skipped: not scored" })).toHaveFocus();
    expect(screen.queryByText("/ 10")).not.toBeInTheDocument();
  });

  describe("an answer in another language", () => {
    const spanish = "Usaría una caché con invalidación por eventos";
    const retry = question(1, { retry: true });
    const unscored = {
      ...feedback,
      score: 0,
      unscored: "language",
      language: "es",
      improvements: ["Not scored: this answer reads as Spanish.", "Retry in English: ..."],
    } satisfies AnswerResult["feedback"];
    const afterSpanish = interview({
      version: 2,
      current_question: retry,
      questions: [question(1), retry],
      answers: [
        {
          question_id: "q1",
          answer: spanish,
          answered_at: "2026-11-30T10:01:00Z",
          feedback: unscored,
        },
      ],
      progress: { question_number: 1, question_count: 3, answered: 1 },
    });
    const spanishResult = answerResult({
      answer: spanish,
      feedback: unscored,
      next_question: retry,
      interview: interviewState({
        version: 2,
        current_question: retry,
        progress: { question_number: 1, question_count: 3, answered: 1 },
      }),
    });

    it("offers to answer the same question again in English, then scores that answer", async () => {
      const answer = vi
        .fn()
        .mockResolvedValueOnce(spanishResult)
        .mockResolvedValueOnce(answerResult({ question: retry, answer: "Use a cache" }));
      renderPage(<InterviewPage />, {
        api: fakeApi({ getInterview: vi.fn().mockResolvedValue(interview()), answer }),
        path,
        route,
      });
      const user = userEvent.setup();
      await user.type(await screen.findByLabelText("Your answer"), spanish);
      await user.click(screen.getByRole("button", { name: "Submit answer" }));

      // The answer is shown not scored, with no score, and the offer to retry or skip
      expect(
        await screen.findByRole("heading", { name: "Not scored: the coach reads English" }),
      ).toHaveFocus();
      expect(screen.queryByText("/ 10")).not.toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Skip this question" })).toBeInTheDocument();
      await user.click(screen.getByRole("button", { name: "Answer again in English" }));

      // The same question again, empty, saying why
      expect(await screen.findByText("Question 1 of 3 - again, in English")).toBeInTheDocument();
      expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(retry.text);
      expect(screen.getByText(/your answer before is kept, not scored/)).toBeInTheDocument();
      expect(screen.getByLabelText("Your answer")).toHaveValue("");
      await user.type(screen.getByLabelText("Your answer"), "Use a cache");
      await user.click(screen.getByRole("button", { name: "Submit answer" }));

      expect(await screen.findByRole("heading", { name: /Feedback: 7.5/ })).toBeInTheDocument();
      expect(answer).toHaveBeenLastCalledWith("i1", "q1", "Use a cache", expect.any(String));
      const keys = answer.mock.calls.map((call) => call[3] as string);
      expect(keys[1]).not.toBe(keys[0]);
    });

    it("lets the candidate skip the question asked again, from the offer", async () => {
      const skip = vi.fn().mockResolvedValue(
        answerResult({
          question: retry,
          answer: "",
          feedback: { ...feedback, score: 0, unscored: "skipped", improvements: ["Skipped."] },
        }),
      );
      renderPage(<InterviewPage />, {
        api: fakeApi({ getInterview: vi.fn().mockResolvedValue(afterSpanish), skip }),
        path: `${path}?answer=q1`,
        route,
      });
      const user = userEvent.setup();
      // A reload of the offer shows the Spanish answer's feedback, from the interview's state
      expect(
        await screen.findByRole("heading", { name: "Not scored: the coach reads English" }),
      ).toBeInTheDocument();
      await user.click(screen.getByRole("button", { name: "Skip this question" }));

      expect(skip).toHaveBeenCalledWith("i1", "q1");
      expect(
        await screen.findByRole("heading", { name: "Skipped: not scored" }),
      ).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Next question" })).toBeInTheDocument();
    });
  });

  it("offers no skip on a main question", async () => {
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview: vi.fn().mockResolvedValue(interview()) }),
      path,
      route,
    });
    await screen.findByText("Question 1 of 3");
    expect(screen.queryByRole("button", { name: "Skip this follow-up" })).not.toBeInTheDocument();
  });
});
