import { expect, test } from "./support/fixtures.js";

// The demo's actions (admin/orderActions.ts): "Mark as shipped" on the orders list's selection, "Add note" with
// its parameter form on an order's page, each confirmed, answered with a message and recorded in the history.

test("a bulk action asks, runs on the selection, says what it did and leaves an entry in the history", async ({
  page,
  api,
  factory,
}) => {
  const stamp = Date.now().toString(36);
  const first = await factory.create("order", { number: `ACT-${stamp}-1`, status: "PAID" });
  const second = await factory.create("order", { number: `ACT-${stamp}-2`, status: "PAID" });
  await page.goto(`/m/order?q=ACT-${stamp}`);
  await page.getByRole("checkbox", { name: `Select ${first.$label}` }).check();
  await page.getByRole("checkbox", { name: `Select ${second.$label}` }).check();
  await page.getByRole("button", { name: "Mark as shipped" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark as shipped" });
  await expect(dialog.getByText("Mark as shipped 2 orders?")).toBeVisible();
  await dialog.getByRole("button", { name: "Mark as shipped" }).click();
  await expect(page.getByText("2 orders marked as shipped.")).toBeVisible();
  expect((await api.get("order", first.$id)).status).toBe("SHIPPED");
  expect((await api.get("order", second.$id)).status).toBe("SHIPPED");

  await page.goto("/history");
  await expect(
    page.locator(".history-entry").filter({ hasText: "Mark as shipped on 2 orders" }).first(),
  ).toBeVisible();
});

test("a record action's form refuses an empty required parameter beside it, then adds the note", async ({
  page,
  api,
  factory,
}) => {
  const order = await factory.create("order", { notes: null });
  await page.goto(`/m/order/${encodeURIComponent(order.$id)}`);
  await page.getByRole("button", { name: "Add note" }).click();
  const dialog = page.getByRole("dialog", { name: "Add note" });
  await expect(dialog.getByText("Add a note to 1 order?")).toBeVisible();
  await dialog.getByRole("button", { name: "Add note" }).click();
  await expect(dialog.getByText(/required/i)).toBeVisible();
  await dialog.getByLabel("Note").fill("Customer called about the delivery");
  await dialog.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText(`Note added to order ${String(order.number)}.`)).toBeVisible();
  expect(String((await api.get("order", order.$id)).notes)).toContain("Customer called about the delivery");
});
