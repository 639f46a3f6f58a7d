import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LoginPage } from "./LoginPage";
import { fakeApi, renderPage } from "../test/render";

describe("LoginPage", () => {
  it("starts the sign-in redirect", async () => {
    const { auth } = renderPage(<LoginPage />, { api: fakeApi() });

    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect(auth.signIn).toHaveBeenCalled();
  });
});
