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

export function createUserManager(): UserManager {
  return new UserManager({
    authority: config.oidcAuthority,
    client_id: config.oidcClientId,
    redirect_uri: config.redirectUri,
    post_logout_redirect_uri: config.postLogoutUri,
    response_type: "code",
    scope: "openid email",
    // Neither the local provider nor our Cognito client hands out refresh tokens: when the ID
    // token expires the person signs in again (drafts are kept meanwhile).
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
    void manager.getUser().then((stored) => {
      if (!live) return;
      setUser(stored && !stored.expired ? stored : null);
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
    await manager.removeUser();
    if (config.oidcLogoutUrl) {
      window.location.assign(config.oidcLogoutUrl);
    } else {
      await manager.signoutRedirect({ id_token_hint: idToken });
    }
  }, [manager, user]);

  const completeSignIn = useCallback(async () => {
    const signedIn = await manager.signinRedirectCallback();
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
