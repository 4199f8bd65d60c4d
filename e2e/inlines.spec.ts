import { expect, test } from "./support/fixtures.js";

/**
 * Inlines as people use them: an order's items (atrium.config.ts) added, changed and removed on the order's own
 * edit form, an invalid row refused beside its cell, then one save that writes them all, shown in the history
 * as one change and reverted as one.
 */
test("an order's items are edited inline: add, change, remove, an invalid row named, then one save", async ({
  page,
  api,
}) => {
  const customer = (await api.list("customer", { perPage: 1 }))[0];
  type Edition = { $id: string; $label: string; book: { $id: string; $label: string } };
  const editions = (await api.list("edition", { perPage: 40 })) as unknown as Edition[];
  // Three editions of three different books: an item's key is (order, book).
  const picked = editions.filter(
    (edition, index) => editions.findIndex((other) => other.book.$id === edition.book.$id) === index,
  );
  const [first, second, third] = picked;
  if (!customer || !first || !second || !third) throw new Error("the demo has too few customers or editions");
  const item = (edition: Edition) => ({
    book: edition.book.$id,
    edition: edition.$id,
    quantity: 1,
    unitPrice: "10.00",
  });
  const order = await api.create("order", {
    number: `INL-${Date.now().toString(36)}`,
    customer: customer.$id,
    $inlines: { items: [item(first), item(second)] },
  });

  await page.goto(`/m/order/${order.$id}/edit`);
  const items = page.getByRole("region", { name: "Order items" });
  await expect(items.getByRole("spinbutton", { name: "Quantity, row 1" })).toHaveValue("1");
  await items.getByRole("spinbutton", { name: "Quantity, row 1" }).fill("4");
  await items.getByRole("button", { name: "Remove row 2" }).click();
  await items.getByRole("button", { name: "Add order item" }).click();
  const pick = async (name: string, label: string, search = label) => {
    const combobox = items.getByRole("combobox", { name });
    await combobox.click();
    await combobox.fill(search);
    await page.getByRole("option", { name: label, exact: true }).first().click();
  };
  await pick("Book, row 3", third.book.$label);
  await pick("Edition, row 3", third.$label, third.book.$label);
  await items.getByRole("spinbutton", { name: "Quantity, row 3" }).fill("1.5");
  await items.getByRole("textbox", { name: "Unit price, row 3" }).fill("12.50");
  await page.getByRole("button", { name: "Save", exact: true }).click();

  // Refused beside the cell of the row that caused it; nothing was written.
  const rowThree = items.getByRole("row").nth(3);
  await expect(rowThree.locator(".form-error")).toBeVisible();
  expect((await api.get("order", order.$id)).items).toBe(2);

  await items.getByRole("spinbutton", { name: "Quantity, row 3" }).fill("2");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/m/order/${order.$id}$`));

  const saved = await (await api.request.get(`/api/records/order/${order.$id}/inlines`)).json();
  const rows = saved.data.items.rows as { book: { $label: string }; quantity: number }[];
  // By title: the picker chose the first book of that title, and the demo has titles more than one book shares.
  expect(rows.map((row) => [row.book.$label, row.quantity]).sort()).toEqual(
    [
      [first.book.$label, 4],
      [third.book.$label, 2],
    ].sort(),
  );
  // One save, one transaction: the order's entry, with the three items' entries (added, changed, removed)
  // listed under it as saved with it.
  await page.goto(`/m/order/${order.$id}/history`);
  const save = page.locator(".history-entry").first();
  await save.getByRole("button", { name: "Saved with 3 other records" }).click();
  const savedWith = save.locator(".history-caused-list li");
  await expect(savedWith).toHaveCount(3);
  // Newest first, as every history list: the save removes, then changes, then adds.
  await expect(savedWith.locator(".badge")).toHaveText(["Created", "Changed", "Deleted"]);
  const history = await (await api.request.get("/api/history?model=order-item&limit=3")).json();
  expect(history.data.map((entry: { action: string }) => entry.action).sort()).toEqual([
    "create",
    "delete",
    "update",
  ]);

  // Reverting the save undoes all of it at once: the removed item is back, the added one gone.
  await save.getByRole("button", { name: /^Revert:/ }).click();
  const dialog = page.getByRole("dialog", { name: "Revert this change?" });
  await expect(dialog).toContainText("the 3 other records");
  await dialog.getByRole("button", { name: "Revert", exact: true }).click();
  await expect(
    page.locator(".history-entry").first().getByRole("button", { name: "Also restored 3 other records" }),
  ).toBeVisible();
  const reverted = await (await api.request.get(`/api/records/order/${order.$id}/inlines`)).json();
  expect(
    (reverted.data.items.rows as { book: { $label: string }; quantity: number }[])
      .map((row) => [row.book.$label, row.quantity])
      .sort(),
  ).toEqual(
    [
      [first.book.$label, 1],
      [second.book.$label, 1],
    ].sort(),
  );
});

test("a new order is created with its first item in one save", async ({ page, api }) => {
  const customer = (await api.list("customer", { perPage: 1 }))[0] as { $id: string; $label: string };
  const edition = (await api.list("edition", { perPage: 1 }))[0] as unknown as {
    $label: string;
    book: { $label: string };
  };
  const number = `INL-NEW-${Date.now().toString(36)}`;
  await page.goto("/m/order/new");
  await page.getByRole("textbox", { name: /^Number/ }).fill(number);
  const customerPicker = page.getByRole("combobox", { name: "Customer", exact: true });
  await customerPicker.click();
  await customerPicker.fill(customer.$label);
  await page.getByRole("option", { name: customer.$label, exact: true }).first().click();
  const items = page.getByRole("region", { name: "Order items" });
  await items.getByRole("button", { name: "Add order item" }).click();
  for (const [name, label, search] of [
    ["Book, row 1", edition.book.$label, edition.book.$label],
    ["Edition, row 1", edition.$label, edition.book.$label],
  ] as const) {
    const combobox = items.getByRole("combobox", { name });
    await combobox.click();
    await combobox.fill(search);
    await page.getByRole("option", { name: label, exact: true }).first().click();
  }
  await items.getByRole("spinbutton", { name: "Quantity, row 1" }).fill("3");
  await items.getByRole("textbox", { name: "Unit price, row 1" }).fill("8.25");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/m\/order\/\d+$/);
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  const saved = await api.get("order", id);
  expect(saved.number).toBe(number);
  expect(saved.items).toBe(1);
});

test("“Duplicate” on an order starts the copy with its items, saved as the copy's own", async ({
  page,
  api,
  factory,
}) => {
  const customer = (await api.list("customer", { perPage: 1 }))[0];
  type Edition = { $id: string; $label: string; book: { $id: string; $label: string } };
  const editions = (await api.list("edition", { perPage: 40 })) as unknown as Edition[];
  const [first, second] = editions.filter(
    (edition, index) => editions.findIndex((other) => other.book.$id === edition.book.$id) === index,
  );
  if (!customer || !first || !second) throw new Error("the demo has too few customers or editions");
  const original = await api.create("order", {
    number: `DUP-${Date.now().toString(36)}`,
    customer: customer.$id,
    $inlines: {
      items: [
        { book: first.book.$id, edition: first.$id, quantity: 2, unitPrice: "10.00" },
        { book: second.book.$id, edition: second.$id, quantity: 5, unitPrice: "4.50" },
      ],
    },
  });
  factory.track("order", original.$id);

  await page.goto(`/m/order/${original.$id}`);
  await page.getByRole("link", { name: "Duplicate", exact: true }).click();
  await expect(page.getByRole("heading", { name: "New order", level: 1 })).toBeVisible();
  const items = page.getByRole("region", { name: "Order items" });
  await expect(items.getByRole("spinbutton", { name: "Quantity, row 1" })).toHaveValue("2");
  await expect(items.getByRole("spinbutton", { name: "Quantity, row 2" })).toHaveValue("5");
  await expect(items.getByRole("textbox", { name: "Unit price, row 2" })).toHaveValue("4.5");
  // The order number is unique: the copy needs its own.
  const number = page.getByRole("textbox", { name: /^Number/ });
  await expect(number).toHaveValue("");
  const copyNumber = `DUP-COPY-${Date.now().toString(36)}`;
  await number.fill(copyNumber);
  await items.getByRole("spinbutton", { name: "Quantity, row 2" }).fill("6");
  await page.getByRole("button", { name: "Save", exact: true }).click();

  await expect(page).toHaveURL(/\/m\/order\/\d+$/);
  const copyId = new URL(page.url()).pathname.split("/").pop() ?? "";
  factory.track("order", copyId);
  expect(copyId).not.toBe(original.$id);
  const quantities = async (id: string) => {
    const inlines = await (await api.request.get(`/api/records/order/${id}/inlines`)).json();
    return (inlines.data.items.rows as { book: { $label: string }; quantity: number }[])
      .map((row) => [row.book.$label, row.quantity])
      .sort();
  };
  expect(await quantities(copyId)).toEqual(
    [
      [first.book.$label, 2],
      [second.book.$label, 6],
    ].sort(),
  );
  expect((await api.get("order", copyId)).number).toBe(copyNumber);
  // The original keeps its own items as they were.
  expect(await quantities(original.$id)).toEqual(
    [
      [first.book.$label, 2],
      [second.book.$label, 5],
    ].sort(),
  );
});

test("a row someone else changed meanwhile shows the form's conflict view on that row", async ({
  page,
  api,
}) => {
  const customer = (await api.list("customer", { perPage: 1 }))[0] as { $id: string };
  const edition = (await api.list("edition", { perPage: 1 }))[0] as unknown as {
    $id: string;
    book: { $id: string };
  };
  const order = await api.create("order", {
    number: `INL-CON-${Date.now().toString(36)}`,
    customer: customer.$id,
    $inlines: { items: [{ book: edition.book.$id, edition: edition.$id, quantity: 1, unitPrice: "5.00" }] },
  });
  await page.goto(`/m/order/${order.$id}/edit`);
  const items = page.getByRole("region", { name: "Order items" });
  const quantity = items.getByRole("spinbutton", { name: "Quantity, row 1" });
  await expect(quantity).toHaveValue("1");
  await api.update("order-item", `${order.$id},${edition.book.$id}`, { quantity: 9 });

  await quantity.fill("2");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const panel = items.getByRole("alertdialog");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("row", { name: /^Quantity/ }).getByRole("cell")).toHaveText(["1", "9", "2"]);
  await panel.getByRole("button", { name: "Reload their version" }).click();
  await expect(quantity).toHaveValue("9");
  await items.getByRole("textbox", { name: "Unit price, row 1" }).fill("6.00");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/m/order/${order.$id}$`));
  const item = await api.get("order-item", `${order.$id},${edition.book.$id}`);
  expect([item.quantity, item.unitPrice]).toEqual([9, "6"]);
});
