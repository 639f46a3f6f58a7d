import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import HistoryPage from "./HistoryPage";
import { fakeApi, renderPage, summary } from "../test/render";

describe("HistoryPage", () => {
  it("invites to a first interview when there is none", async () => {
    renderPage(<HistoryPage />, {
      api: fakeApi({ listInterviews: vi.fn().mockResolvedValue({ items: [], next_token: null }) }),
    });

    expect(await screen.findByText("No interviews yet.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Start your first interview" })).toBeInTheDocument();
  });

  it("lists interviews, charts scores per role, and loads the next page", async () => {
    const listInterviews = vi
      .fn()
      .mockResolvedValueOnce({
        items: [
          summary("a", { overall_score: 80, created_at: "2026-11-25T10:00:00Z" }),
          summary("b", { status: "in_progress", overall_score: null, answered_count: 1 }),
          summary("d", { answered_count: 2, overall_score: 55 }),
          summary("e", { status: "in_progress", overall_score: null }),
        ],
        next_token: "page2",
      })
      .mockResolvedValueOnce({
        items: [summary("c", { role: "devops", overall_score: 40 })],
        next_token: null,
      });
    renderPage(<HistoryPage />, { api: fakeApi({ listInterviews }) });

    expect(await screen.findByText("In progress: 1 of 3 answered")).toBeInTheDocument();
    expect(screen.getByText("Ended early: 2 of 3 answered")).toBeInTheDocument();
    expect(
      screen.getByText("Not finished: all 3 answered, the report is not written yet"),
    ).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /Backend: 55, 80/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Load more" }));

    expect(await screen.findByRole("img", { name: /DevOps: 40/ })).toBeInTheDocument();
    expect(listInterviews).toHaveBeenLastCalledWith(10, "page2");
    expect(screen.queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();
    // The button is gone with the last page: focus is on the first row it added, not lost
    expect(screen.getByText("Report", { selector: "a:focus" })).toHaveTextContent("DevOps");
    expect(screen.getAllByRole("link", { name: /^Report/ })).toHaveLength(3);
    expect(screen.getAllByRole("link", { name: /^Continue/ })).toHaveLength(2);
  });
});
