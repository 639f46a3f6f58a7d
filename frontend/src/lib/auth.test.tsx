import { render, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import type { UserManager } from "oidc-client-ts";
import { AuthProvider, useAuth } from "./auth";

function fakeManager() {
  const events = {
    addUserLoaded: vi.fn(),
    addUserUnloaded: vi.fn(),
    addAccessTokenExpired: vi.fn(),
    removeUserLoaded: vi.fn(),
    removeUserUnloaded: vi.fn(),
    removeAccessTokenExpired: vi.fn(),
  };
  return {
    events,
    getUser: vi.fn().mockResolvedValue(null),
    signinRedirect: vi.fn().mockResolvedValue(undefined),
    signinRedirectCallback: vi.fn().mockResolvedValue({
      profile: { email: "ada@example.com" },
      expired: false,
      state: { returnTo: "/history" },
      refresh_token: "a-refresh-token",
    }),
    storeUser: vi.fn().mockResolvedValue(undefined),
    removeUser: vi.fn().mockResolvedValue(undefined),
    signoutRedirect: vi.fn().mockResolvedValue(undefined),
  };
}

function Probe() {
  const { ready, email, completeSignIn, signOut } = useAuth();
  return (
    <>
      <p>{ready ? `ready: ${email ?? "signed out"}` : "checking"}</p>
      <button type="button" onClick={() => void completeSignIn()}>
        callback
      </button>
      <button type="button" onClick={() => void signOut()}>
        sign out
      </button>
    </>
  );
}

function renderWith(manager: ReturnType<typeof fakeManager>) {
  render(
    <AuthProvider manager={manager as unknown as UserManager}>
      <Probe />
    </AuthProvider>,
  );
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe("AuthProvider in a new tab", () => {
  it("signs in through the provider's session when this browser signed in before", async () => {
    localStorage.setItem("tucoach.signedIn", "1");
    const manager = fakeManager();
    renderWith(manager);

    await waitFor(() => expect(manager.signinRedirect).toHaveBeenCalledTimes(1));
    expect(screen.getByText("checking")).toBeInTheDocument();
  });

  it("tries that once per tab: back from the provider, the tab shows it is signed out", async () => {
    localStorage.setItem("tucoach.signedIn", "1");
    sessionStorage.setItem("tucoach.autoSignInTried", "1");
    const manager = fakeManager();
    renderWith(manager);

    expect(await screen.findByText("ready: signed out")).toBeInTheDocument();
    expect(manager.signinRedirect).not.toHaveBeenCalled();
  });

  it("stays signed out in a browser nobody signed in on", async () => {
    const manager = fakeManager();
    renderWith(manager);

    expect(await screen.findByText("ready: signed out")).toBeInTheDocument();
    expect(manager.signinRedirect).not.toHaveBeenCalled();
  });

  it("a sign-in sets the cue and keeps no refresh token; a sign-out clears the cue", async () => {
    const manager = fakeManager();
    renderWith(manager);
    await screen.findByText("ready: signed out");

    screen.getByRole("button", { name: "callback" }).click();
    await waitFor(() => expect(localStorage.getItem("tucoach.signedIn")).toBe("1"));
    expect(manager.storeUser).toHaveBeenCalledWith(
      expect.objectContaining({ refresh_token: undefined }),
    );
    screen.getByRole("button", { name: "sign out" }).click();

    await waitFor(() => expect(manager.signoutRedirect).toHaveBeenCalled());
    expect(localStorage.getItem("tucoach.signedIn")).toBeNull();
  });
});
