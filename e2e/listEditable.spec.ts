import { expect, test } from "./support/fixtures.js";

// The demo's `list.editable` on inventory: stock counts typed into the list and saved together.

test("stock is edited in the list: a bad count is refused on its cell, then both rows save together", async ({
  page,
  api,
}) => {
  await page.goto("/m/inventory");
  const table = page.locator('table[aria-busy="false"]');
  await expect(table).toBeVisible();
  const quantities = table.getByRole("textbox", { name: /^Quantity of / });
  await expect(quantities.first()).toBeVisible();
  const firstLabel = (await quantities.nth(0).getAttribute("aria-label"))?.replace(/^Quantity of /, "") ?? "";
  const secondLabel =
    (await quantities.nth(1).getAttribute("aria-label"))?.replace(/^Quantity of /, "") ?? "";
  const before = Number(await quantities.nth(0).inputValue());

  await quantities.nth(0).fill(String(before + 7));
  await quantities.nth(1).fill("many");
  const bar = page.getByRole("region", { name: "Unsaved changes" });
  await expect(bar).toContainText("Unsaved changes in 2 rows");
  await bar.getByRole("button", { name: "Save changes" }).click();

  // Refused whole: the second row's cell says why, and the first row is not saved either.
  await expect(table.getByText("Expected a whole number", { exact: false })).toBeVisible();
  const stored = await api.list("inventory", { perPage: 100 });
  const first = stored.find((row) => row.$label === firstLabel);
  expect(first?.quantity).toBe(before);

  await quantities.nth(1).fill("3");
  await bar.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved 2 inventories")).toBeVisible();
  await expect(bar).toBeHidden();
  const saved = await api.list("inventory", { perPage: 100 });
  expect(saved.find((row) => row.$label === firstLabel)?.quantity).toBe(before + 7);
  expect(saved.find((row) => row.$label === secondLabel)?.quantity).toBe(3);
  await expect(quantities.nth(0)).toHaveValue(String(before + 7));
});
