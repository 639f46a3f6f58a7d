import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import type { PracticePlan as Plan } from "../lib/types";
import { fakeApi, interview, renderPage } from "../test/render";
import { PracticePlan } from "./PracticePlan";

const plan: Plan = {
  interviews_read: 3,
  roles: [
    {
      role: "backend",
      seniority: "senior",
      topics: [
        {
          topic: "query_tuning",
          answers: 2,
          average_score: 4.5,
          missed_points: [{ text: "read the query plan", count: 2 }],
          red_flags: [{ text: "indexes always speed up writes", count: 1 }],
        },
        {
          topic: "caching",
          answers: 1,
          average_score: 6,
          missed_points: [{ text: "eviction", count: 1 }],
          red_flags: [],
        },
      ],
    },
  ],
};

describe("PracticePlan", () => {
  it("lists missed points and red flags per topic, weakest first", async () => {
    renderPage(<PracticePlan />, {
      api: fakeApi({ practicePlan: vi.fn().mockResolvedValue(plan) }),
    });

    expect(await screen.findByRole("heading", { name: "Backend, Senior" })).toBeInTheDocument();
    const topics = screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent);
    expect(topics[0]).toMatch(/^Query tuning/);
    expect(topics[1]).toMatch(/^Caching/);
    expect(screen.getByText(/indexes always speed up writes/)).toBeInTheDocument();
    expect(screen.getByText(/read the query plan/)).toBeInTheDocument();
    expect(screen.getByText(/3 latest finished interviews/)).toBeInTheDocument();
  });

  it("Practise these starts an interview of that role focused on its topics", async () => {
    const createInterview = vi.fn().mockResolvedValue(interview({ interview_id: "new" }));
    renderPage(<PracticePlan />, {
      api: fakeApi({ practicePlan: vi.fn().mockResolvedValue(plan), createInterview }),
    });

    await userEvent.click(await screen.findByRole("button", { name: /^Practise these/ }));

    expect(createInterview).toHaveBeenCalledWith("backend", "senior", 5, [
      "query_tuning",
      "caching",
    ]);
    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
  });

  it("says what to do when there is no plan yet", async () => {
    renderPage(<PracticePlan />, {
      api: fakeApi({
        practicePlan: vi.fn().mockResolvedValue({ interviews_read: 0, roles: [] }),
      }),
    });

    expect(
      await screen.findByText("Finish an interview to get a practice plan."),
    ).toBeInTheDocument();
  });
});
