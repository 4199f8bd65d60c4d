import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures.js";

/**
 * The demo's own extensions (apps/web/src/main.tsx), seen as a user sees them: a cell widget, a record panel,
 * and a custom page that declares who may see it and edits records through the admin's shared cache.
 */

test("review stars show as a rating in the reviews list and on a review's page", async ({ page, api }) => {
  const [review] = await api.list("review", { perPage: 1 });
  if (!review) throw new Error("The demo seed has no reviews");
  await page.goto("/m/review");
  const table = page.getByRole("table", { name: "Reviews" });
  await expect(table.getByRole("img", { name: /^[0-5] of 5 stars$/ }).first()).toBeVisible();
  // Other number columns keep plain numbers: no rating anywhere but in the Stars column.
  const header = await table.getByRole("columnheader").allTextContents();
  const starsColumn = header.findIndex((text) => text.startsWith("Stars"));
  expect(starsColumn).toBeGreaterThan(0);
  const firstRow = table.getByRole("row").nth(1).getByRole("cell");
  await expect(firstRow.nth(starsColumn).getByRole("img")).toHaveCount(1);
  await expect(
    table
      .getByRole("row")
      .nth(1)
      .getByRole("img", { name: /of 5 stars/ }),
  ).toHaveCount(1);

  await page.goto(`/m/review/${encodeURIComponent(review.$id)}`);
  await expect(page.getByRole("img", { name: `${review.stars} of 5 stars` })).toBeVisible();
});

test("a book's page has a Stock by warehouse panel summing its editions' inventory", async ({
  page,
  api,
}) => {
  const [stock] = await api.list("inventory", { perPage: 1 });
  if (!stock) throw new Error("The demo seed has no inventory");
  const edition = await api.get("edition", (stock.edition as { $id: string }).$id);
  const bookId = (edition.book as { $id: string }).$id;
  await page.goto(`/m/book/${encodeURIComponent(bookId)}`);
  const panel = page.getByRole("region", { name: "Stock by warehouse" });
  await expect(panel).toBeVisible();
  const warehouse = (stock.warehouse as { $label: string }).$label;
  await expect(panel.getByRole("row").filter({ hasText: warehouse })).toBeVisible();

  // Only books have the panel.
  await page.goto(`/m/edition/${encodeURIComponent(edition.$id)}`);
  await expect(page.getByRole("heading", { name: edition.$label })).toBeVisible();
  await expect(page.getByRole("region", { name: "Stock by warehouse" })).toHaveCount(0);
});

test("shipping an order on the Sales overview shows in the generated orders list without a reload", async ({
  page,
  api,
}) => {
  const [order] = await api.list("order", { "filter.status.eq": "PAID", sort: "placedAt,id", perPage: 1 });
  if (!order) throw new Error("The demo seed has no paid orders");
  try {
    // The generated list first, so its page is in the cache when the custom page changes the order.
    await page.goto("/m/order?filter.status.eq=PAID&sort=placedAt,id");
    const list = page.getByRole("table", { name: "Orders" });
    await expect(list.getByRole("link", { name: order.$label })).toBeVisible();

    await page
      .getByRole("navigation", { name: "Models" })
      .getByRole("link", { name: "Sales overview" })
      .click();
    const toShip = page.getByRole("table", { name: "Orders to ship" });
    const row = toShip.getByRole("row").filter({ hasText: order.$label });
    await row.getByRole("button", { name: "Mark shipped" }).click();
    await expect(page.getByText(`Marked “${order.$label}” as shipped`)).toBeVisible();
    await expect(toShip.getByRole("row").filter({ hasText: order.$label })).toHaveCount(0);
    expect((await api.get("order", order.$id)).status).toBe("SHIPPED");

    // Back in the single-page app (no reload): the list of paid orders no longer has it.
    await page.goBack();
    await expect(list).toBeVisible();
    await expect(list.getByRole("link", { name: order.$label })).toHaveCount(0);
  } finally {
    await api.update("order", order.$id, { status: "PAID" });
  }
});

/** Signs in, in a fresh browser context, as a new user holding one role with `permissions`. */
async function signInWith(page: Page, browser: Browser, baseURL: string | undefined, permissions: string[]) {
  const stamp = `${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  const role = await page.request.post("/api/admin/roles", { data: { name: `Ext ${stamp}`, permissions } });
  expect(role.ok()).toBe(true);
  const email = `ext-${stamp}@demo.atrium`;
  const password = "extensions are for users";
  const user = await page.request.post("/api/admin/users", {
    data: { email, password, roles: [(await role.json()).id] },
  });
  expect(user.ok()).toBe(true);
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const other = await context.newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill(password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByText(email)).toBeVisible();
  return { page: other, close: () => context.close() };
}

test("the Sales overview, which requires viewing orders, is hidden from a user who may not and shown to one who may", async ({
  page,
  browser,
}, testInfo) => {
  const without = await signInWith(page, browser, testInfo.project.use.baseURL, ["model:book:view"]);
  try {
    const nav = without.page.getByRole("navigation", { name: "Models" });
    await expect(nav.getByRole("link", { name: "Books" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Sales overview" })).toHaveCount(0);
    await without.page.goto("/pages/sales-overview");
    await expect(without.page.getByRole("heading", { name: "No access" })).toBeVisible();
    await expect(without.page.getByText(/You do not have permission to view “Sales overview”/)).toBeVisible();
  } finally {
    await without.close();
  }

  const viewer = await signInWith(page, browser, testInfo.project.use.baseURL, ["model:order:view"]);
  try {
    await viewer.page
      .getByRole("navigation", { name: "Models" })
      .getByRole("link", { name: "Sales overview" })
      .click();
    await expect(viewer.page.getByRole("table", { name: "Orders to ship" })).toBeVisible();
    // Viewing orders is not changing them: no button that the server would refuse.
    await expect(viewer.page.getByRole("button", { name: "Mark shipped" })).toHaveCount(0);
  } finally {
    await viewer.close();
  }
});

test("the Sales overview shows what the demo's own route answers: the number of pending orders", async ({
  page,
  api,
}) => {
  const pending = await api.list("order", { "filter.status.eq": "PENDING", perPage: 1 });
  expect(pending.length).toBe(1);
  const response = page.waitForResponse((answer) => answer.url().endsWith("/api/x/sales/pending"));
  await page.goto("/pages/sales-overview");
  const body = (await (await response).json()) as { total: number };
  expect(body.total).toBeGreaterThan(0);
  await expect(page.getByTestId("pending-orders")).toHaveText(
    `${new Intl.NumberFormat("en-US").format(body.total)} orders are pending payment.`,
  );
});
