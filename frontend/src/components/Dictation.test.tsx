import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { Dictation } from "./Dictation";
import type { Recognition } from "../lib/speech";

afterEach(() => {
  delete (window as { webkitSpeechRecognition?: unknown }).webkitSpeechRecognition;
});

describe("Dictation", () => {
  it("is absent where the browser has no speech recognition", () => {
    render(<Dictation onText={vi.fn()} />);

    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("passes on what was said, and stops on a second press", async () => {
    const sessions: Recognition[] = [];
    class FakeRecognition {
      continuous = false;
      interimResults = true;
      lang = "";
      onresult: Recognition["onresult"] = null;
      onend: Recognition["onend"] = null;
      onerror: Recognition["onerror"] = null;
      start = vi.fn();
      stop = vi.fn(() => this.onend?.());
      constructor() {
        sessions.push(this);
      }
    }
    (window as { webkitSpeechRecognition?: unknown }).webkitSpeechRecognition = FakeRecognition;
    const onText = vi.fn();
    render(<Dictation onText={onText} />);
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Answer by voice" }));
    expect(screen.getByRole("button", { name: "Stop dictation" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    act(() =>
      sessions[0]?.onresult?.({
        resultIndex: 0,
        results: [{ isFinal: true, 0: { transcript: " use an index " } }],
      }),
    );
    await user.click(screen.getByRole("button", { name: "Stop dictation" }));

    expect(onText).toHaveBeenCalledWith("use an index");
    expect(sessions[0]?.stop).toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Answer by voice" })).toBeInTheDocument();
  });
});
