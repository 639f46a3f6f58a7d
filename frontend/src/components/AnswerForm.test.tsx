import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { isBlank, overLimit } from "../lib/answerText";
import { question } from "../test/render";
import { AnswerForm } from "./AnswerForm";

beforeEach(() => sessionStorage.clear());

function renderForm(onSubmit = vi.fn(), timerMinutes = 0) {
  render(
    <AnswerForm
      interviewId="i1"
      question={question(1)}
      timerMinutes={timerMinutes}
      submitting={false}
      onSubmit={onSubmit}
    />,
  );
  return { onSubmit, box: screen.getByLabelText("Your answer") };
}

function paste(box: HTMLElement, text: string) {
  fireEvent.paste(box, { clipboardData: { getData: () => text } });
}

describe("AnswerForm", () => {
  it("refuses a paste that would pass the limit, saying by how much, and keeps the text", async () => {
    const { box } = renderForm();
    await userEvent.type(box, "Kept.");

    paste(box, "x".repeat(20_000));

    expect(screen.getByRole("alert")).toHaveTextContent(
      "Not pasted: the answer would be 20,005 characters, 15,005 characters over the limit " +
        "of 5,000 characters.",
    );
    expect(box).toHaveValue("Kept.");
  });

  it("lets a paste within the limit through", async () => {
    const { box } = renderForm();
    await userEvent.click(box);
    await userEvent.paste("A short paste.");

    expect(box).toHaveValue("A short paste.");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("never cuts text over the limit: it shows how much is over and does not send it", async () => {
    sessionStorage.setItem("tucoach.draft.i1.q1", "y".repeat(5_003));
    const { onSubmit, box } = renderForm();

    expect(box).toHaveValue("y".repeat(5_003));
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(/3 characters over the limit of 5,000 characters/)).toBeVisible();
    await userEvent.click(screen.getByRole("button", { name: "Submit answer" }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("shorten it to send it");
  });

  it("treats zero-width and control characters alone as an empty answer", async () => {
    sessionStorage.setItem("tucoach.draft.i1.q1", "\u200b\u200d\u0007 \ufeff");
    const { onSubmit } = renderForm();

    await userEvent.click(screen.getByRole("button", { name: "Submit answer" }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("Write or dictate an answer first.");
  });

  it("at the timer's end, sends nothing when the box is empty: it says time is up", async () => {
    vi.useFakeTimers();
    try {
      const { onSubmit, box } = renderForm(vi.fn(), 1);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(61_000);
      });

      expect(onSubmit).not.toHaveBeenCalled();
      expect(screen.getByRole("alert")).toHaveTextContent("Time is up.");
      expect(box).toBeEnabled();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("answer rules", () => {
  it("count code points, as the API does", () => {
    expect(overLimit("😀".repeat(5_000))).toBe(0);
    expect(overLimit("a".repeat(5_001))).toBe(1);
    expect(isBlank(" \n\t\u00ad\u2060")).toBe(true);
    expect(isBlank("\u200bok")).toBe(false);
  });
});
