import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import type { RatingView } from "../lib/types";
import { fakeApi, renderPage } from "../test/render";
import { RatingSection } from "./RatingSection";

const sent: RatingView = {
  interview_id: "i1",
  helpful: true,
  comment: "Clear.",
  rated_at: "2026-11-30T11:00:00Z",
};

describe("RatingSection", () => {
  it("shows the rating sent before (after a reload) instead of an empty form", async () => {
    renderPage(<RatingSection interviewId="i1" />, {
      api: fakeApi({ rating: vi.fn().mockResolvedValue({ rating: sent }) }),
    });

    expect(await screen.findByRole("heading", { name: "Your rating" })).toBeInTheDocument();
    expect(screen.getByText("helpful")).toBeInTheDocument();
    expect(screen.getByText("Clear.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Send/ })).not.toBeInTheDocument();
  });

  it("changes a rating only through Change rating, and can keep the old one", async () => {
    const rate = vi.fn().mockResolvedValue({ ...sent, helpful: false, comment: "Too short" });
    renderPage(<RatingSection interviewId="i1" />, {
      api: fakeApi({ rating: vi.fn().mockResolvedValue({ rating: sent }), rate }),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Change rating" }));
    expect(screen.getByRole("radio", { name: "Yes" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Yes" })).toHaveFocus();
    expect(screen.getByLabelText("Comment (optional)")).toHaveValue("Clear.");
    await user.click(screen.getByRole("button", { name: "Keep my rating" }));
    expect(rate).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Change rating" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Change rating" }));
    await user.click(screen.getByRole("radio", { name: "No" }));
    await user.clear(screen.getByLabelText("Comment (optional)"));
    await user.type(screen.getByLabelText("Comment (optional)"), "Too short");
    await user.click(screen.getByRole("button", { name: "Send the new rating" }));

    expect(rate).toHaveBeenCalledWith("i1", false, "Too short");
    expect(
      await screen.findByRole("heading", { name: "Thank you: your rating is saved." }),
    ).toHaveFocus();
    expect(screen.getByText("not helpful")).toBeInTheDocument();
  }, 20_000);
});
