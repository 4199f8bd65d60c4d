import { expect, request as playwrightRequest, test } from "@playwright/test";

/**
 * API tokens made in the admin: a superuser creates a read-only token on a user's page, copies the secret shown
 * once, a script (Playwright's request, without cookies) reads with it and is refused a write, then the token is
 * revoked in the admin and the script gets 401.
 */
test("a token created in the admin is shown once, reads the API without cookies, and stops at revocation", async ({
  page,
}, testInfo) => {
  const name = `nightly export ${Date.now()}`;
  const me = await (await page.request.get("/api/auth/me")).json();
  await page.goto(`/admin/users/${encodeURIComponent(me.user.id)}`);
  const panel = page.getByRole("region", { name: "API tokens" });
  await expect(panel).toBeVisible();

  // No expiry is pre-selected and none is "never": creating without choosing one is refused.
  await panel.getByLabel("Token name").fill(name);
  await panel.getByRole("button", { name: "Create token" }).click();
  await expect(panel.getByText(/tokens cannot be made to never expire/)).toBeVisible();
  await expect(panel.getByRole("option", { name: /never/i })).toHaveCount(0);

  await panel.getByLabel("Expires in").selectOption({ label: "30 days" });
  await panel.getByLabel("Read-only").check();
  await panel.getByRole("button", { name: "Create token" }).click();
  const secret = panel.getByRole("textbox", { name: "New API token" });
  await expect(secret).toBeVisible();
  const token = await secret.inputValue();
  expect(token).toMatch(/^atr_[A-Za-z0-9_-]{43}$/);
  await expect(panel.getByRole("button", { name: "Copy" })).toBeVisible();
  const row = panel.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 12));
  await expect(row).toContainText("Read-only");
  await expect(row).toContainText("Never");

  // Once dismissed (or after a reload) the secret is nowhere on the page; the prefix still tells it apart.
  await panel.getByRole("button", { name: "Done" }).click();
  await expect(secret).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
  expect(await page.content()).not.toContain(token.slice(12));

  const script = await playwrightRequest.newContext({
    baseURL: testInfo.project.use.baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  try {
    const books = await script.get("/api/records/book?perPage=5");
    expect(books.status()).toBe(200);
    expect((await books.json()).data.length).toBeGreaterThan(0);
    const write = await script.post("/api/records/tag", { data: { name: "From a script", slug: "script" } });
    expect(write.status()).toBe(403);
    expect((await write.json()).error.message).toContain("read-only");

    // The list shows when it was last used.
    await page.reload();
    const used = page.getByRole("row").filter({ hasText: name });
    await expect(used).not.toContainText("Never");
    await used.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
    await expect(used).toContainText("Revoked");
    await expect(used.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

    const refused = await script.get("/api/records/book");
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.message).toContain("was revoked on");
  } finally {
    await script.dispose();
  }

  // The signed-in user finds the same tokens from the header's "API tokens" link.
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "Your API tokens" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Revoked");
});
