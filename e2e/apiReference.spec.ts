import { expect, test } from "@playwright/test";

/**
 * The API reference page: opened from the navigation, it renders the signed-in user's OpenAPI document with
 * RapiDoc (loaded only then), within the admin's Content-Security-Policy.
 */
test("the API page, opened from the navigation, shows the books' list operation and tries it as the user", async ({
  page,
}) => {
  // RapiDoc reads and lays out the whole document (every model's operations) before it shows any: a few seconds.
  test.setTimeout(60_000);
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) refused.push(message.text());
  });
  const rapidocLoaded = () =>
    page.evaluate(() => customElements.get("rapi-doc") !== undefined).catch(() => false);

  await page.goto("/");
  await expect(page.getByRole("region", { name: "Models" }).getByRole("link").first()).toBeVisible();
  // Nothing of RapiDoc before the page opens: the rest of the admin does not pay for it.
  expect(await rapidocLoaded()).toBe(false);

  await page
    .getByRole("navigation", { name: "Models" })
    .getByRole("link", { name: "API", exact: true })
    .click();
  await expect(page).toHaveURL(/\/api-reference$/);
  await expect(page.getByRole("heading", { level: 1, name: "API" })).toBeVisible();

  // RapiDoc renders in its shadow root, which Playwright's locators enter. Its navigation entry of an operation is
  // named by method and path; it reads "GET List books".
  const reference = page.locator("rapi-doc");
  const listBooks = reference.locator('[data-content-id="get-/api/records/book"]').first();
  await expect(listBooks).toBeVisible({ timeout: 40_000 });
  await expect(listBooks).toContainText("List books");
  await listBooks.click();
  await expect(reference.getByRole("heading", { name: "List books" })).toBeVisible();
  await expect(reference.getByText("/api/records/book", { exact: true }).first()).toBeVisible();
  await expect(reference.getByText("filter.title.contains").first()).toBeAttached();
  // "Try" runs the request as the signed-in user: the session cookie goes with it and the list answers.
  const listed = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/records/book");
  await reference.getByRole("button", { name: "TRY" }).first().click();
  expect((await listed).status()).toBe(200);
  await expect(reference.getByText(/Response Status: OK:200/)).toBeVisible();
  expect(await rapidocLoaded()).toBe(true);
  expect(refused).toEqual([]);
});
