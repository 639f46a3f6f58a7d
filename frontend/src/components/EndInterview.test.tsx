import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { EndInterview } from "./EndInterview";

describe("EndInterview", () => {
  it("ends only after a confirmation that says what the report leaves out", async () => {
    const onEnd = vi.fn();
    render(<EndInterview answered={2} questionCount={5} finishing={false} onEnd={onEnd} />);
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "End interview now" }));
    expect(onEnd).not.toHaveBeenCalled();
    expect(screen.getByRole("heading", { name: "End the interview now?" })).toHaveFocus();
    expect(screen.getByText(/answered 2 of 5 questions/)).toBeInTheDocument();
    expect(screen.getByText(/the 3 questions not answered/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "End and see the report" }));
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it("keeps going when asked to, with the focus back on its button", async () => {
    const onEnd = vi.fn();
    render(<EndInterview answered={1} questionCount={3} finishing={false} onEnd={onEnd} />);
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "End interview now" }));
    await user.click(screen.getByRole("button", { name: "Keep going" }));

    expect(screen.getByRole("button", { name: "End interview now" })).toHaveFocus();
    expect(onEnd).not.toHaveBeenCalled();
  });
});
