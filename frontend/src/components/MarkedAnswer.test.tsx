import { render, screen } from "@testing-library/react";
import { AnswerBesideExample, MarkedAnswer } from "./MarkedAnswer";
import type { Highlight } from "../lib/types";

const ANSWER = "Use a TTL, and never invalidate on write.";
const HIGHLIGHTS: Highlight[] = [
  { start: 6, end: 9, kind: "covered", label: "Expire entries with a TTL" },
  { start: 15, end: 40, kind: "correction", label: "Writes need no invalidation" },
];

const marks = (container: HTMLElement) => Array.from(container.querySelectorAll("mark"));

describe("MarkedAnswer", () => {
  it("marks covered points and wrong claims with an icon and words, not colour alone", () => {
    const { container } = render(<MarkedAnswer text={ANSWER} highlights={HIGHLIGHTS} />);

    const [covered, wrong] = marks(container) as [HTMLElement, HTMLElement];
    expect(container.querySelector("p")).toHaveTextContent(/^Use a .*TTL.*, and .*\.$/);
    expect(covered).toHaveClass("mark", "covered");
    expect(covered).toHaveAttribute("title", "Expire entries with a TTL");
    expect(covered.querySelector("[aria-hidden='true']")).toHaveTextContent("✓");
    expect(wrong).toHaveClass("mark", "correction");
    expect(wrong.querySelector("[aria-hidden='true']")).toHaveTextContent("✗");
  });

  it("tells a screen reader what each mark is and where it ends", () => {
    const { container } = render(<MarkedAnswer text={ANSWER} highlights={HIGHLIGHTS} />);

    const spoken = marks(container).map((mark) =>
      Array.from(mark.childNodes)
        .filter((node) => !(node instanceof HTMLElement && node.ariaHidden === "true"))
        .map((node) => node.textContent)
        .join(""),
    );
    expect(spoken).toEqual([
      "covered: Expire entries with a TTL: “TTL”",
      "wrong claim: Writes need no invalidation: “never invalidate on write”",
    ]);
  });

  it("counts offsets in code points, as the API does, so an emoji shifts nothing", () => {
    const text = "🙂 Cache with a TTL.";
    const { container } = render(
      <MarkedAnswer
        text={text}
        highlights={[{ start: 15, end: 18, kind: "covered", label: "TTL" }]}
      />,
    );

    expect(marks(container).map((m) => m.lastChild?.previousSibling?.textContent)).toEqual(["TTL"]);
    expect(container.querySelector("p")?.textContent).toContain("🙂 Cache with a ");
  });

  it("leaves a span out of range or overlapping another unmarked, keeping the text whole", () => {
    const { container } = render(
      <MarkedAnswer
        text="short answer"
        highlights={[
          { start: 0, end: 5, kind: "covered", label: "one" },
          { start: 3, end: 8, kind: "covered", label: "overlaps" },
          { start: 6, end: 99, kind: "correction", label: "past the end" },
        ]}
      />,
    );

    expect(marks(container)).toHaveLength(1);
    expect(container.querySelector("p")?.textContent).toMatch(/short.* answer$/);
  });

  it("says a skipped follow-up has no answer", () => {
    render(<MarkedAnswer text="" highlights={[]} />);
    expect(screen.getByText("No answer: this question was skipped.")).toBeInTheDocument();
  });
});

describe("AnswerBesideExample", () => {
  it("shows the answer with a legend beside the example answer", () => {
    render(
      <AnswerBesideExample answer={ANSWER} highlights={HIGHLIGHTS} example="Set a TTL per key." />,
    );

    expect(screen.getByRole("heading", { name: "Your answer" })).toBeInTheDocument();
    expect(screen.getByText("a talking point you covered")).toBeInTheDocument();
    expect(screen.getByText("a wrong claim (see the corrections)")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Example answer" })).toBeInTheDocument();
    expect(screen.getByText("Set a TTL per key.")).toBeInTheDocument();
  });

  it("shows no legend when nothing is marked", () => {
    render(<AnswerBesideExample answer="I am not sure." highlights={[]} example="" />);
    expect(screen.queryByText("a talking point you covered")).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Example answer" })).not.toBeInTheDocument();
  });
});
