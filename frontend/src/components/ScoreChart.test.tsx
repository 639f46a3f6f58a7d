import { fireEvent, screen } from "@testing-library/react";
import { fakeApi, renderPage, summary } from "../test/render";
import { dateTicks, ScoreChart } from "./ScoreChart";

const DAY = 24 * 60 * 60 * 1000;

describe("ScoreChart", () => {
  it("labels dates that differ: times when all interviews are on one day", () => {
    const start = Date.parse("2026-12-01T09:00:00Z");
    const sameDay = dateTicks(start, start + 3 * 60 * 60 * 1000, 600).map((t) => t.label);
    expect(new Set(sameDay).size).toBe(sameDay.length);
    expect(sameDay.length).toBeGreaterThan(1);

    const weeks = dateTicks(start, start + 30 * DAY, 600).map((t) => t.label);
    expect(new Set(weeks).size).toBe(weeks.length);
  });

  it("fits fewer date labels into a phone's width", () => {
    const start = Date.parse("2026-11-01T09:00:00Z");
    expect(dateTicks(start, start + 30 * DAY, 260).length).toBeLessThanOrEqual(2);
    expect(dateTicks(start, start + 30 * DAY, 600).length).toBeGreaterThan(2);
  });

  it("shows a point's value on focus, and links it to its report", () => {
    renderPage(
      <ScoreChart
        interviews={[
          summary("a", { created_at: "2026-11-20T10:00:00Z", overall_score: 55 }),
          summary("b", { created_at: "2026-11-25T10:00:00Z", overall_score: 80 }),
        ]}
      />,
      { api: fakeApi() },
    );
    const point = screen.getByRole("link", { name: /80 out of 100. Open the report/ });
    expect(point).toHaveAttribute("href", "/interviews/b/report");

    fireEvent.focus(point);

    expect(screen.getByText("80/100")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /Backend: 55, 80/ })).toBeInTheDocument();
  });
});
