import { render, screen, within } from "@testing-library/react";
import { FeedbackCard } from "./FeedbackCard";
import { feedback } from "../test/render";

describe("FeedbackCard", () => {
  it("names each wrong claim under Corrections: what was said, the problem, what is right", () => {
    render(
      <FeedbackCard
        feedback={{
          ...feedback,
          score: 2.5,
          corrections: [
            {
              said: "It's always GC, so I would not look at traces.",
              claim: "Distributed traces are not worth looking at",
              correction: "Traces show which hop is slow; start there before guessing.",
            },
          ],
        }}
      />,
    );

    const corrections = screen.getByRole("heading", { name: "Corrections" }).parentElement!;
    expect(within(corrections).getByText(/It's always GC/)).toBeInTheDocument();
    expect(
      within(corrections).getByText("Distributed traces are not worth looking at"),
    ).toBeInTheDocument();
    expect(within(corrections).getByText(/Traces show which hop is slow/)).toBeInTheDocument();
  });

  it("shows no Corrections heading when there are none", () => {
    render(<FeedbackCard feedback={feedback} />);
    expect(screen.queryByRole("heading", { name: "Corrections" })).not.toBeInTheDocument();
  });

  it("says plainly that an answer in another language is not scored, with no score", () => {
    render(
      <FeedbackCard
        feedback={{
          ...feedback,
          score: 0,
          unscored: "language",
          language: "es",
          improvements: ["The offline coach scores answers in English; your answer is kept."],
        }}
      />,
    );

    expect(
      screen.getByRole("heading", { name: "Not scored: the coach reads English" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/your answer is kept/)).toBeInTheDocument();
    expect(screen.queryByText(/\/ 10/)).not.toBeInTheDocument();
  });

  it("shows the answer marked up beside the example answer, with the score in words", () => {
    const { container } = render(
      <FeedbackCard
        feedback={{
          ...feedback,
          highlights: [{ start: 4, end: 16, kind: "covered", label: "cache invalidation" }],
        }}
        answer="Use invalidation on every write."
      />,
    );

    expect(screen.getByRole("heading", { name: /^Feedback: 7.5 \/ 10 Good$/ })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Your answer" })).toBeInTheDocument();
    expect(container.querySelector("mark")).toHaveTextContent(
      "✓covered: cache invalidation: “invalidation”",
    );
    expect(screen.getByRole("heading", { name: "Example answer" })).toBeInTheDocument();
    expect(screen.getByText("A cache keeps hot data close.")).toBeVisible();
  });
});
