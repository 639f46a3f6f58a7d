import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { vi } from "vitest";
import { App } from "./App";
import { AuthContext } from "./lib/auth";
import type { Auth } from "./lib/auth";
import { fakeApi } from "./test/render";

function renderApp(path: string, signedIn: boolean, api = fakeApi()) {
  const auth: Auth = {
    email: signedIn ? "ada@example.com" : null,
    ready: true,
    signIn: vi.fn(() => Promise.resolve()),
    signOut: vi.fn(() => Promise.resolve()),
    completeSignIn: vi.fn(() => Promise.resolve("/")),
    api,
  };
  render(
    <AuthContext.Provider value={auth}>
      <MemoryRouter initialEntries={[path]}>
        <App />
      </MemoryRouter>
    </AuthContext.Provider>,
  );
  return auth;
}

describe("App", () => {
  it("asks to sign in on any page when signed out, with no navigation", () => {
    renderApp("/history", false);

    expect(screen.getByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
    expect(document.title).toBe("Sign in - TuCoach AI");
  });

  it("loads a page on demand and signs out from the header", async () => {
    const api = fakeApi({
      listInterviews: vi.fn().mockResolvedValue({ items: [], next_token: null }),
    });
    const auth = renderApp("/history", true, api);

    expect(await screen.findByRole("heading", { name: "Your interviews" })).toBeInTheDocument();
    expect(document.title).toBe("History - TuCoach AI");
    await userEvent.click(screen.getByRole("button", { name: "Sign out" }));

    expect(auth.signOut).toHaveBeenCalled();
  });

  it("says when a page does not exist", () => {
    renderApp("/nowhere", true);

    expect(screen.getByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  });
});
