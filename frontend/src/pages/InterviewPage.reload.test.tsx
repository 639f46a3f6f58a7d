import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useLocation } from "react-router";
import { vi } from "vitest";
import InterviewPage from "./InterviewPage";
import { handOver } from "../lib/handover";
import { answerView, fakeApi, interview, question, renderPage } from "../test/render";

const route = "/interviews/:id";
const ANSWER = "Invalidate on write, and evict by LRU.";
const answeredOnce = interview({
  version: 2,
  current_question: question(2),
  questions: [question(1), question(2)],
  progress: { question_number: 2, question_count: 3, answered: 1 },
  answers: [
    answerView("q1", ANSWER, {
      highlights: [{ start: 0, end: 19, kind: "covered", label: "cache invalidation" }],
    }),
  ],
});

beforeEach(() => sessionStorage.clear());

describe("InterviewPage after a reload on a feedback screen", () => {
  it("shows that same feedback, with the answer marked up, from the interview's state", async () => {
    const getInterview = vi.fn().mockResolvedValue(answeredOnce);
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview }),
      path: "/interviews/i1?answer=q1",
      route,
    });

    expect(await screen.findByRole("heading", { name: /^Feedback: 7.5 \/ 10/ })).toBeVisible();
    expect(screen.getByText("Question 1 of 3, answered")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "What is question 1 about?" })).toBeInTheDocument();
    expect(document.querySelector("mark")).toHaveTextContent("Invalidate on write");
    expect(screen.getByText("A cache keeps hot data close.")).toBeInTheDocument();
    expect(screen.queryByLabelText("Your answer")).not.toBeInTheDocument();
    expect(getInterview).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole("button", { name: "Next question" }));

    expect(await screen.findByText("Question 2 of 3")).toBeInTheDocument();
    expect(screen.getByLabelText("Your answer")).toBeInTheDocument();
  });

  it("offers to finish when the feedback shown is the last answer's", async () => {
    const finished = { ...answeredOnce, current_question: null };
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview: vi.fn().mockResolvedValue(finished) }),
      path: "/interviews/i1?answer=q1",
      route,
    });

    expect(await screen.findByRole("button", { name: "Finish interview" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /^Feedback:/ })).toBeInTheDocument();
  });

  it("goes on with the current question when the link names no answer", async () => {
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview: vi.fn().mockResolvedValue(answeredOnce) }),
      path: "/interviews/i1?answer=q2",
      route,
    });

    expect(await screen.findByText("Question 2 of 3")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /^Feedback:/ })).not.toBeInTheDocument();
  });
});

/** The history entry's navigation state, as a reload would find it. */
function HistoryState() {
  return <output aria-label="history state">{JSON.stringify(useLocation().state ?? null)}</output>;
}

describe("InterviewPage just after the start", () => {
  it("shows the interview handed over and clears it, so that a reload reads it", async () => {
    const getInterview = vi.fn().mockResolvedValue(answeredOnce);
    renderPage(
      <>
        <InterviewPage />
        <HistoryState />
      </>,
      {
        api: fakeApi({ getInterview }),
        path: "/interviews/i1",
        route,
        state: handOver(interview()),
      },
    );

    expect(await screen.findByText("Question 1 of 3")).toBeInTheDocument();
    expect(screen.getByLabelText("Your answer")).toBeInTheDocument();
    expect(getInterview).not.toHaveBeenCalled();
    expect(screen.getByLabelText("history state")).toHaveTextContent("null");
  });

  it("reads the interview when the one handed over is another", async () => {
    const getInterview = vi.fn().mockResolvedValue(answeredOnce);
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview }),
      path: "/interviews/i1",
      route,
      state: handOver(interview({ interview_id: "other" })),
    });

    expect(await screen.findByText("Question 2 of 3")).toBeInTheDocument();
    expect(getInterview).toHaveBeenCalledWith("i1");
  });
});
