import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { ApiError } from "../lib/api";
import InterviewPage from "./InterviewPage";
import { fakeApi, feedback, interview, question, renderPage } from "../test/render";

const where = { path: "/interviews/i1", route: "/interviews/:id" };

beforeEach(() => sessionStorage.clear());

describe("InterviewPage recovery and ending early", () => {
  it("after a 409 loads the latest state and shows where it stands, instead of a Retry", async () => {
    // Given question 1 on screen, answered meanwhile in another tab
    const later = interview({
      version: 2,
      progress: { question_number: 2, question_count: 3, answered: 1 },
      current_question: question(2),
      questions: [question(1), question(2)],
    });
    const getInterview = vi.fn().mockResolvedValueOnce(interview()).mockResolvedValue(later);
    const answer = vi
      .fn()
      .mockRejectedValue(
        new ApiError(409, "not_the_current_question", "q1 is not the current question."),
      );
    renderPage(<InterviewPage />, { api: fakeApi({ getInterview, answer }), ...where });
    const user = userEvent.setup();

    // When this tab sends its answer to question 1
    await user.type(await screen.findByLabelText("Your answer"), "An answer");
    await user.click(screen.getByRole("button", { name: "Submit answer" }));

    // Then it shows question 2, says why, and offers no Retry
    expect(await screen.findByText("Question 2 of 3")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(
      "Your interview changed in another tab or device.",
    );
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
    expect(getInterview).toHaveBeenCalledTimes(2);
    expect(answer).toHaveBeenCalledTimes(1);
  });

  it("offers to end the interview after one answered question, and finishes on confirming", async () => {
    const complete = vi.fn().mockResolvedValue({});
    const onQuestionTwo = interview({
      progress: { question_number: 2, question_count: 3, answered: 1 },
      current_question: question(2),
    });
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview: vi.fn().mockResolvedValue(onQuestionTwo), complete }),
      ...where,
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "End interview now" }));
    await user.click(screen.getByRole("button", { name: "End and see the report" }));

    expect(complete).toHaveBeenCalledWith("i1");
    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
  });

  it("offers no early end before the first answer", async () => {
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview: vi.fn().mockResolvedValue(interview()) }),
      ...where,
    });

    await screen.findByText("Question 1 of 3");
    expect(screen.queryByRole("button", { name: "End interview now" })).not.toBeInTheDocument();
  });

  it("a progress bar on the last question is not full before it is answered", async () => {
    const last = interview({
      progress: { question_number: 3, question_count: 3, answered: 2 },
      current_question: question(3),
    });
    renderPage(<InterviewPage />, {
      api: fakeApi({ getInterview: vi.fn().mockResolvedValue(last) }),
      ...where,
    });

    expect(await screen.findByRole("progressbar", { name: "2 of 3 answered" })).toHaveAttribute(
      "value",
      "2",
    );
    expect(feedback.score).toBeGreaterThan(0);
  });
});
