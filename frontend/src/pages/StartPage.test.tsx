import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { ApiError } from "../lib/api";
import { StartPage } from "./StartPage";
import InterviewPage from "./InterviewPage";
import { catalog, fakeApi, interview, renderPage } from "../test/render";

describe("StartPage", () => {
  it("offers the catalog's roles, seniorities and question counts", async () => {
    renderPage(<StartPage />, { api: fakeApi({ catalog: vi.fn().mockResolvedValue(catalog) }) });

    expect(await screen.findByRole("radio", { name: "DevOps" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Tech lead" })).toBeInTheDocument();
    const counts = screen.getByLabelText("Number of questions");
    expect(counts).toHaveValue("5");
    expect([...(counts as HTMLSelectElement).options].map((o) => o.value)).toEqual([
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
  });

  it("starts the chosen interview and opens it", async () => {
    const createInterview = vi.fn().mockResolvedValue(interview({ interview_id: "new1" }));
    renderPage(<StartPage />, {
      api: fakeApi({ catalog: vi.fn().mockResolvedValue(catalog), createInterview }),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("radio", { name: "Frontend" }));
    await user.click(screen.getByRole("radio", { name: "Senior" }));
    await user.selectOptions(screen.getByLabelText("Number of questions"), "3");
    await user.click(screen.getByRole("button", { name: "Start interview" }));

    expect(createInterview).toHaveBeenCalledWith("frontend", "senior", 3);
    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
  });

  it("opens the new interview from the start's response, without reading it again", async () => {
    const getInterview = vi.fn();
    renderPage(<StartPage />, {
      api: fakeApi({
        catalog: vi.fn().mockResolvedValue(catalog),
        createInterview: vi.fn().mockResolvedValue(interview({ interview_id: "new1" })),
        getInterview,
      }),
      routes: { "/interviews/:id": <InterviewPage /> },
    });

    await userEvent.click(await screen.findByRole("button", { name: "Start interview" }));

    expect(await screen.findByText("Question 1 of 3")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "What is question 1 about?" })).toBeInTheDocument();
    expect(getInterview).not.toHaveBeenCalled();
  });

  it("shows the API's message with a retry that works", async () => {
    const createInterview = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(503, "unavailable", "The database is busy; retry."))
      .mockResolvedValueOnce(interview());
    renderPage(<StartPage />, {
      api: fakeApi({ catalog: vi.fn().mockResolvedValue(catalog), createInterview }),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Start interview" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The database is busy; retry.");
    await user.click(screen.getByRole("button", { name: "Retry" }));

    await waitFor(() => expect(createInterview).toHaveBeenCalledTimes(2));
    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
  });

  it("retries loading the catalog", async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValue(catalog);
    renderPage(<StartPage />, { api: fakeApi({ catalog: load }) });

    await userEvent.click(await screen.findByRole("button", { name: "Retry" }));

    expect(await screen.findByRole("radio", { name: "Backend" })).toBeChecked();
  });
});
