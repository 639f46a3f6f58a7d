import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { UserManager, WebStorageStateStore } from "oidc-client-ts";
import type { User } from "oidc-client-ts";
import { config } from "./config";
import { ApiError, createApi } from "./api";
import type { Api } from "./api";

export interface Auth {
  /** The signed-in person's email, or null when signed out or the session expired. */
  email: string | null;
  ready: boolean;
  signIn: (returnTo?: string) => Promise<void>;
  signOut: () => Promise<void>;
  completeSignIn: () => Promise<string>;
  api: Api;
}

const AuthContext = createContext<Auth | null>(null);

// "Someone signed in on this browser and has not signed out": no token, no name, only the cue
// for a new tab to go through the identity provider, whose session signs it in without a form
// (docs/adr/0009-token-storage.md). Tokens themselves stay in each tab's sessionStorage.
const SIGNED_IN_HINT = "tucoach.signedIn";
// Set in a tab that went to the provider on its own, so that it does so once only.
const AUTO_SIGN_IN_TRIED = "tucoach.autoSignInTried";

/** Whether a tab that opens signed out should sign in through the provider's session. */
function shouldSignInSilently(): boolean {
  return (
    localStorage.getItem(SIGNED_IN_HINT) !== null &&
    sessionStorage.getItem(AUTO_SIGN_IN_TRIED) === null &&
    window.location.pathname !== config.callbackPath
  );
}

export function createUserManager(): UserManager {
  return new UserManager({
    authority: config.oidcAuthority,
    client_id: config.oidcClientId,
    redirect_uri: config.redirectUri,
    post_logout_redirect_uri: config.postLogoutUri,
    response_type: "code",
    scope: "openid email",
    // No refresh tokens are kept (completeSignIn drops Cognito's): when the ID token expires
    // the person signs in again, through the provider's session (drafts are kept meanwhile).
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

const currentPath = () =>
  `${window.location.pathname}${window.location.search}${window.location.hash}`;

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    void manager.getUser().then(async (stored) => {
      if (!live) return;
      const valid = stored && !stored.expired ? stored : null;
      if (!valid && shouldSignInSilently()) {
        // A new tab of a browser signed in elsewhere: the provider answers at once.
        sessionStorage.setItem(AUTO_SIGN_IN_TRIED, "1");
        await manager.signinRedirect({ state: { returnTo: currentPath() } });
        return;
      }
      setUser(valid);
      setReady(true);
    });
    const onLoaded = (loaded: User) => setUser(loaded);
    const onGone = () => setUser(null);
    manager.events.addUserLoaded(onLoaded);
    manager.events.addUserUnloaded(onGone);
    manager.events.addAccessTokenExpired(onGone);
    return () => {
      live = false;
      manager.events.removeUserLoaded(onLoaded);
      manager.events.removeUserUnloaded(onGone);
      manager.events.removeAccessTokenExpired(onGone);
    };
  }, [manager]);

  const signIn = useCallback(
    (returnTo: string = currentPath()) => manager.signinRedirect({ state: { returnTo } }),
    [manager],
  );

  const signOut = useCallback(async () => {
    const idToken = user?.id_token;
    localStorage.removeItem(SIGNED_IN_HINT);
    await manager.removeUser();
    if (config.oidcLogoutUrl) {
      window.location.assign(config.oidcLogoutUrl);
    } else {
      await manager.signoutRedirect({ id_token_hint: idToken });
    }
  }, [manager, user]);

  const completeSignIn = useCallback(async () => {
    const signedIn = await manager.signinRedirectCallback();
    // Cognito returns a refresh token with every code grant; the app keeps none (ADR 0009).
    if (signedIn.refresh_token) {
      signedIn.refresh_token = undefined;
      await manager.storeUser(signedIn);
    }
    localStorage.setItem(SIGNED_IN_HINT, "1");
    sessionStorage.removeItem(AUTO_SIGN_IN_TRIED);
    setUser(signedIn);
    const state = signedIn.state as { returnTo?: string } | undefined;
    // Only paths of this app: never an open redirect.
    return state?.returnTo?.startsWith("/") && !state.returnTo.startsWith("//")
      ? state.returnTo
      : "/";
  }, [manager]);

  const api = useMemo(() => {
    const token = () => (user && !user.expired ? (user.id_token ?? null) : null);
    const inner = createApi(token);
    // An expired or refused session goes to sign-in and comes back here; what was being typed
    // is in sessionStorage already, so nothing is lost.
    const guarded = {} as Api;
    for (const [name, method] of Object.entries(inner)) {
      (guarded as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        try {
          return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) {
            await manager.removeUser();
            setUser(null);
          }
          throw error;
        }
      };
    }
    return guarded;
  }, [manager, user]);

  const value = useMemo<Auth>(
    () => ({
      email: user && !user.expired ? (user.profile.email ?? "you") : null,
      ready,
      signIn,
      signOut,
      completeSignIn,
      api,
    }),
    [user, ready, signIn, signOut, completeSignIn, api],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside AuthProvider");
  return auth;
}

export { AuthContext };
