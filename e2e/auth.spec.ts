import { expect, test } from "@playwright/test";
import { demoAccount } from "./globalSetup.js";

// These tests start signed out: they are about signing in.
test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: import("@playwright/test").Page, password: string = demoAccount.password) {
  await page.getByLabel("Email").fill(demoAccount.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a protected page sends a signed-out visitor to the login page, and back after signing in", async ({
  page,
}) => {
  await page.goto("/m/book");
  await expect(page).toHaveURL(/\/login\?next=%2Fm%2Fbook$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await signIn(page);
  await expect(page).toHaveURL(/\/m\/book$/);
  await expect(page.getByRole("heading", { name: "Books" })).toBeVisible();
  await expect(page.getByText(demoAccount.email)).toBeVisible();
});

test("a wrong password shows one clear message and keeps the user on the login page", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("The email or password is incorrect.");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Password")).toHaveValue("");
});

test("signing out ends the session: protected pages go back to the login page", async ({ page }) => {
  await page.goto("/login");
  await signIn(page);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/m/author");
  await expect(page).toHaveURL(/\/login\?next=%2Fm%2Fauthor$/);
  const me = await page.request.get("/api/auth/me");
  expect(me.status()).toBe(401);
});

test("?next= pointing at another site is not followed after sign-in", async ({ page }) => {
  for (const next of ["https://evil.example/", "//evil.example/x"]) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await signIn(page);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  }
});
