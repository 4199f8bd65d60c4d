import { expect, test } from "./support/fixtures.js";

// The demo's per-model options (atrium.config.ts `models`): Order's columns, ordering and read-only total,
// and Customer's fieldsets.

test("the order list shows the configured columns in order, newest first", async ({ page, api }) => {
  await page.goto("/m/order");
  const table = page.locator('table[aria-busy="false"]');
  await expect(table).toBeVisible();
  // The first header is the select-all checkbox's.
  const headers = table.getByRole("columnheader").filter({ hasNot: page.getByRole("checkbox") });
  await expect(headers).toHaveText(["Number", "Placed at", "Customer", "Status", "Total"]);
  // No sort in the URL: the configured `-placedAt` applies, and its header says so.
  await expect(table.getByRole("columnheader", { name: "Placed at" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  const [newest] = await api.list("order", { sort: "-placedAt", perPage: 1 });
  await expect(table.locator("tbody tr").first().locator("td.cell-title")).toHaveText(String(newest?.number));
});

test("a read-only field shows but cannot be changed, in the form or through the API", async ({
  page,
  api,
  factory,
}) => {
  const order = await factory.create("order");
  await page.goto(`/m/order/${encodeURIComponent(order.$id)}/edit`);
  const total = page.getByLabel("Total", { exact: true });
  await expect(total).toBeVisible();
  await expect(total).toBeDisabled();
  await expect(
    page.getByText("Amount charged, in USD, as the checkout recorded it. Read-only here."),
  ).toBeVisible();
  const refused = await api.request.patch(`/api/records/order/${encodeURIComponent(order.$id)}`, {
    data: { total: "1.00" },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.fields.total).toMatch(/read-only/i);
});

test("the customer form is in fieldsets, and the collapsed one opens", async ({ page, factory }) => {
  const customer = await factory.create("customer");
  await page.goto(`/m/customer/${encodeURIComponent(customer.$id)}/edit`);
  const contact = page.getByRole("group", { name: "Contact" });
  await expect(contact.getByLabel("First name")).toBeVisible();
  await expect(contact.getByLabel("Phone")).toHaveAttribute("placeholder", "e.g. 555-0100");
  const optIn = page.getByLabel("Marketing opt in");
  await expect(optIn).toBeHidden();
  await page.getByText("Marketing", { exact: true }).click();
  await expect(page.getByText("What the customer agreed to receive.")).toBeVisible();
  await expect(optIn).toBeVisible();
  await optIn.check();
  await page.getByRole("button", { name: "Save and continue editing" }).click();
  await expect(optIn).toBeChecked();
});

test("the book list shows computed review columns, and sorts by the review count", async ({ page, api }) => {
  await page.goto("/m/book");
  const table = page.locator('table[aria-busy="false"]');
  const reviews = table.getByRole("columnheader", { name: "Reviews" });
  const average = table.getByRole("columnheader", { name: "Avg. stars" });
  await expect(reviews).toBeVisible();
  await expect(average).toBeVisible();
  // An average cannot be sorted by the database: its header offers no sort.
  await expect(average.getByRole("button")).toHaveCount(0);

  await reviews.getByRole("button", { name: "Reviews" }).click();
  await expect(page).toHaveURL(/sort=reviewCount/);
  await reviews.getByRole("button", { name: "Reviews" }).click();
  await expect(page).toHaveURL(/sort=-reviewCount/);
  await expect(reviews).toHaveAttribute("aria-sort", "descending");

  const [most] = await api.list("book", { sort: "-reviewCount", perPage: 1 });
  const computed = most?.$computed as { reviewCount: number; averageStars: number | null } | undefined;
  if (!most || !computed) throw new Error("The demo seed has no books with computed columns");
  expect(computed.reviewCount).toBeGreaterThan(0);
  const header = await page.locator('table[aria-busy="false"]').getByRole("columnheader").allTextContents();
  const firstRow = page.locator('table[aria-busy="false"] tbody tr').first();
  await expect(firstRow.locator("td.cell-title")).toHaveText(String(most.title));
  const column = header.findIndex((text) => text.startsWith("Reviews"));
  await expect(firstRow.getByRole("cell").nth(column)).toHaveText(String(computed.reviewCount));
  await expect(firstRow.getByRole("cell").nth(column)).toHaveClass(/cell-number/);
});
