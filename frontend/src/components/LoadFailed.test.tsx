import { screen } from "@testing-library/react";
import { vi } from "vitest";
import { ApiError } from "../lib/api";
import { fakeApi, renderPage } from "../test/render";
import { LoadFailed } from "./LoadFailed";

describe("LoadFailed", () => {
  it("says a missing interview is missing and leads to History, with no Retry", () => {
    renderPage(
      <LoadFailed
        error={new ApiError(404, "interview_not_found", "No such interview.")}
        onRetry={vi.fn()}
        back={{ to: "/interviews/gone", label: "Back to the interview" }}
      />,
      { api: fakeApi() },
    );

    expect(screen.getByRole("heading", { name: "Interview not found" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "See your interviews" })).toHaveAttribute(
      "href",
      "/history",
    );
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Back to the interview" })).not.toBeInTheDocument();
  });

  it("offers Retry for other failures", () => {
    renderPage(<LoadFailed error={new ApiError(503, "unavailable", "Busy.")} onRetry={vi.fn()} />, {
      api: fakeApi(),
    });

    expect(screen.getByRole("alert")).toHaveTextContent("Busy.");
    expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument();
  });

  it("shows a used-up daily quota plainly, without a Retry that would fail again", () => {
    renderPage(
      <LoadFailed
        error={new ApiError(429, "daily_quota_exceeded", "You have reached today's limit.")}
        onRetry={vi.fn()}
      />,
      { api: fakeApi() },
    );

    expect(screen.getByRole("alert")).toHaveTextContent("You have reached today's limit.");
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
  });
});
