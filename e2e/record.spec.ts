import { expect, test } from "./support/fixtures.js";
import { ModelListPage } from "./support/ModelListPage.js";
import { RecordDetailPage } from "./support/RecordDetailPage.js";
import { RecordFormPage } from "./support/RecordFormPage.js";
import { uniqueDigits, uniqueSuffix } from "./support/TestDataFactory.js";

test.describe("relations", () => {
  test("a to-one relation is picked by typing in the autocomplete, saved, and shown as a link", async ({
    page,
    factory,
  }) => {
    const book = await factory.create("book");
    const publisher = await factory.create("publisher");
    const form = new RecordFormPage(page, "book");
    await form.gotoEdit(book.$id);

    const picker = form.control("publisher");
    await picker.click();
    // Part of the name is enough: the picker searches the publishers' look-up.
    await picker.fill(String(publisher.name).split(" ").at(-1) ?? "");
    await expect(picker).toHaveAttribute("aria-expanded", "true");
    await page.getByRole("option", { name: publisher.$label, exact: true }).click();
    await expect(form.chip(publisher.$label)).toBeVisible();
    await form.save();

    const detail = new RecordDetailPage(page, "book");
    await detail.expectOnRecordPage();
    const link = detail.value("publisher").getByRole("link", { name: publisher.$label });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/m/publisher/${publisher.$id}$`));
    await expect(detail.heading).toHaveText(publisher.$label);
  });

  test("the picker is driven by the keyboard, and Enter never picks a result of an older search", async ({
    page,
    factory,
    api,
  }) => {
    const book = await factory.create("book");
    const publisher = await factory.create("publisher");
    const form = new RecordFormPage(page, "book");
    await form.gotoEdit(book.$id);

    const picker = form.control("publisher");
    await picker.focus();
    // The list opens with the first publishers; typing and pressing Enter at once must not choose one.
    await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
    await picker.pressSequentially(String(publisher.name).split(" ").at(-1) ?? "");
    await picker.press("Enter");
    const options = page.getByRole("listbox").getByRole("option");
    await expect(options).toHaveText([publisher.$label]);
    // Whether that Enter came before or after the results: the only records picked are the ones shown.
    const author = (book.author as { $label: string }).$label;
    const chips = page.getByRole("button", { name: /^Remove / });
    const picked = await chips.evaluateAll((buttons) =>
      buttons.map((button) => button.getAttribute("aria-label")),
    );
    expect(
      picked.filter((name) => name !== `Remove ${author}` && name !== `Remove ${publisher.$label}`),
    ).toEqual([]);
    if (!picked.includes(`Remove ${publisher.$label}`)) await picker.press("Enter");
    await expect(form.chip(publisher.$label)).toBeVisible();
    await page.keyboard.press("Control+s");
    await expect(form.toast(`Saved “${book.$label}”`)).toBeVisible();
    expect((await api.get("book", book.$id)).publisher).toEqual({
      $id: publisher.$id,
      $label: publisher.$label,
    });
  });

  test("a tag is added to a book and removed again (implicit many-to-many)", async ({
    page,
    factory,
    api,
  }) => {
    const book = await factory.create("book");
    const tag = await factory.create("tag");
    const form = new RecordFormPage(page, "book");
    const detail = new RecordDetailPage(page, "book");

    await form.gotoEdit(book.$id);
    await form.pickRelation("tags", { $id: tag.$id, $label: tag.$label });
    await form.save();
    await detail.expectOnRecordPage();
    const tags = page.getByRole("region", { name: /^Tags/ });
    await expect(tags.getByRole("link", { name: tag.$label, exact: true })).toBeVisible();
    expect((await api.get("book", book.$id)).tags).toBe(1);

    await detail.edit();
    await expect(form.chip(tag.$label)).toBeVisible();
    await form.removeRelation(tag.$label);
    await form.save();
    await detail.expectOnRecordPage();
    await expect(tags.getByText("None yet.")).toBeVisible();
    expect((await api.get("book", book.$id)).tags).toBe(0);

    // The History tab names the tag by its label, both where it was added and where it was taken away.
    await page.goto(`/m/book/${book.$id}/history`);
    const tagRows = page.locator(".history-entry").getByRole("row", { name: /^Tags/ });
    await expect(tagRows).toHaveCount(2);
    await expect(tagRows.first().getByRole("link", { name: tag.$label, exact: true })).toBeVisible();
    await expect(tagRows.last().getByRole("link", { name: tag.$label, exact: true })).toBeVisible();
  });
});

test.describe("validation", () => {
  test("a duplicate unique value is shown next to its field and the typed values are kept", async ({
    page,
    factory,
  }) => {
    const existing = await factory.create("book");
    const author = await factory.create("author");
    const title = `Duplicate ISBN ${uniqueSuffix()}`;
    const form = new RecordFormPage(page, "book");
    await form.gotoCreate();
    await form.fill("title", title);
    await form.fill("isbn", String(existing.isbn));
    await form.pickRelation("author", { $id: author.$id, $label: author.$label });
    await form.save();

    await form.expectFieldError("isbn", "Another book already has this ISBN-13");
    await expect(page.getByRole("alert")).toContainText("Another book already has this ISBN-13");
    await expect(page).toHaveURL(/\/m\/book\/new$/);
    await expect(form.control("title")).toHaveValue(title);
    await expect(form.control("isbn")).toHaveValue(String(existing.isbn));
    await expect(form.chip(author.$label)).toBeVisible();
  });

  test("required fields left empty are flagged in the browser, before anything is sent", async ({ page }) => {
    const form = new RecordFormPage(page, "tag");
    await form.gotoCreate();
    let posted = false;
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().includes("/api/records/")) posted = true;
    });
    await form.fill("slug", `slug-${uniqueSuffix()}`);
    await form.save();
    await form.expectFieldError("name", "This field is required.");
    await expect(form.control("name")).toBeFocused();
    await expect(form.control("slug")).not.toHaveAttribute("aria-invalid", "true");
    expect(posted).toBe(false);
    await expect(page).toHaveURL(/\/m\/tag\/new$/);
  });
});

test.describe("saving", () => {
  test("“Save and continue editing” stays on the saved record's form", async ({ page, api, factory }) => {
    const name = `Continue ${uniqueSuffix()}`;
    const form = new RecordFormPage(page, "author");
    await form.gotoCreate();
    await form.fill("name", name);
    await form.saveAndContinue();

    await expect(page).toHaveURL(/\/m\/author\/\d+\/edit$/);
    await expect(form.heading).toHaveText(`Edit “${name}”`);
    await expect(form.control("name")).toHaveValue(name);
    const id = new URL(page.url()).pathname.split("/")[3] ?? "";
    factory.track("author", id);
    expect((await api.get("author", id)).name).toBe(name);
  });

  test("“Save and add another” saves and starts a blank form", async ({ page, api, factory }) => {
    const name = `Another ${uniqueSuffix()}`;
    const form = new RecordFormPage(page, "author");
    await form.gotoCreate();
    await form.fill("name", name);
    await form.saveAndAddAnother();

    await expect(form.toast(`Created “${name}”`)).toBeVisible();
    await expect(page).toHaveURL(/\/m\/author\/new$/);
    await expect(form.control("name")).toHaveValue("");
    const created = await api.lookup("author", name);
    for (const ref of created) factory.track("author", ref.$id);
    expect(created.map((ref) => ref.$label)).toEqual([name]);
  });

  test("Ctrl+S saves and keeps editing", async ({ page, factory, api }) => {
    const author = await factory.create("author");
    const form = new RecordFormPage(page, "author");
    await form.gotoEdit(author.$id);
    const name = `Shortcut ${uniqueSuffix()}`;
    await form.fill("name", name);
    await page.keyboard.press("Control+s");

    await expect(form.toast(`Saved “${name}”`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/m/author/${author.$id}/edit$`));
    await expect(form.control("name")).toHaveValue(name);
    expect((await api.get("author", author.$id)).name).toBe(name);
  });

  test("leaving a form with unsaved changes asks first", async ({ page, factory, api }) => {
    const author = await factory.create("author");
    const form = new RecordFormPage(page, "author");
    await form.gotoEdit(author.$id);
    const draft = `Unsaved ${uniqueSuffix()}`;
    await form.fill("name", draft);

    const nav = page.getByRole("navigation", { name: "Models" });
    await nav.getByRole("link", { name: "Publishers" }).click();
    await expect(form.unsavedChangesDialog).toBeVisible();
    await form.unsavedChangesDialog.getByRole("button", { name: "Keep editing" }).click();
    await expect(form.unsavedChangesDialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/m/author/${author.$id}/edit$`));
    await expect(form.control("name")).toHaveValue(draft);

    await nav.getByRole("link", { name: "Publishers" }).click();
    await form.unsavedChangesDialog.getByRole("button", { name: "Discard changes" }).click();
    await new ModelListPage(page, "publisher").expectOnList();
    expect((await api.get("author", author.$id)).name).toBe(author.name);
  });

  test("“Duplicate” starts a new book from another's values; its ISBN, creation time and tags are the copy's own", async ({
    page,
    factory,
    api,
  }) => {
    const publisher = await factory.create("publisher");
    const tag = await factory.create("tag");
    const body = await factory.createBody("book", {
      subtitle: `Volume one ${uniqueSuffix()}`,
      pageCount: 321,
      publisher: { $id: publisher.$id, $label: publisher.$label },
    });
    const original = await api.create("book", { ...body, tags: [tag.$id] });
    factory.track("book", original.$id);
    const detail = new RecordDetailPage(page, "book");
    const form = new RecordFormPage(page, "book");

    await detail.goto(original.$id);
    await page.getByRole("link", { name: "Duplicate", exact: true }).click();
    await expect(form.heading).toHaveText("New book");
    await expect(page).toHaveURL(new RegExp(`/m/book/new\\?duplicate=${original.$id}$`));
    // The copy starts from the original's values and links...
    await expect(form.control("title")).toHaveValue(String(original.title));
    await expect(form.control("subtitle")).toHaveValue(String(original.subtitle));
    await expect(form.control("pageCount")).toHaveValue("321");
    const author = original.author as { $label: string };
    await expect(form.chip(author.$label)).toBeVisible();
    await expect(form.chip(publisher.$label)).toBeVisible();
    // ...but not its ISBN, which must be unique, nor its creation time, which the database sets, nor its tags,
    // chosen again for the copy.
    await expect(form.control("isbn")).toHaveValue("");
    await expect(form.control("createdAt")).toHaveValue("");
    await expect(form.chip(tag.$label)).toHaveCount(0);

    const title = `Volume two ${uniqueSuffix()}`;
    const isbn = `979${uniqueDigits(10)}`;
    await form.fill("title", title);
    await form.fill("isbn", isbn);
    await form.save();
    const copyId = await detail.expectOnRecordPage();
    factory.track("book", copyId);
    expect(copyId).not.toBe(original.$id);
    await expect(detail.heading).toHaveText(title);

    const copy = await api.get("book", copyId);
    expect(copy).toMatchObject({
      title,
      isbn,
      subtitle: original.subtitle,
      pageCount: 321,
      author: original.author,
      publisher: { $id: publisher.$id },
      tags: 0,
    });
    expect(Date.parse(String(copy.createdAt))).toBeGreaterThan(Date.parse(String(original.createdAt)));
    // The original is untouched.
    expect(await api.get("book", original.$id)).toMatchObject({
      title: original.title,
      isbn: original.isbn,
      tags: 1,
    });
  });

  test("“Duplicate” of a book that is gone says so instead of opening a blank form", async ({ page }) => {
    await page.goto("/m/book/new?duplicate=999999999");
    await expect(page.getByText("Could not load the book to duplicate")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  });
});

test.describe("deleting", () => {
  test("deleting an order previews the order items deleted with it", async ({ page, factory, api }) => {
    const order = await factory.create("order");
    const item = await factory.create("order-item", { order: order.$id });
    const detail = new RecordDetailPage(page, "order");
    await detail.goto(order.$id);

    const dialog = await detail.openDelete();
    await dialog.expectPreview();
    const cascades = dialog.group("Also deleted");
    await expect(cascades).toContainText("1 order item");
    await expect(cascades).toContainText("(via order)");
    await dialog.confirm();
    await new ModelListPage(page, "order").expectOnList();
    await api.expectGone("order", order.$id);
    await api.expectGone("order-item", item.$id);
  });

  test("a book that was ordered cannot be deleted: the dialog shows what blocks it", async ({
    page,
    factory,
    api,
  }) => {
    const book = await factory.create("book");
    const item = await factory.create("order-item", { book: book.$id });
    const detail = new RecordDetailPage(page, "book");
    await detail.goto(book.$id);

    const dialog = await detail.openDelete();
    await expect(
      dialog.root.getByText("cannot be deleted while other records still point at it"),
    ).toBeVisible();
    const blockers = dialog.group("Blocking the delete");
    await expect(blockers).toContainText("1 order item");
    await expect(blockers).toContainText(String(item.$label));
    await expect(dialog.confirmButton).toBeDisabled();
    await dialog.cancel();
    expect(await api.status("book", book.$id)).toBe(200);
  });

  test("several records are deleted at once from the list, after a preview", async ({
    page,
    factory,
    api,
  }) => {
    const marker = `Bulk ${uniqueSuffix()}`;
    const authors = [
      await factory.create("author", { name: `${marker} A` }),
      await factory.create("author", { name: `${marker} B` }),
    ];
    const awards = [];
    for (const author of authors) awards.push(await factory.create("award", { author: author.$id }));

    const list = new ModelListPage(page, "author");
    await list.goto(`?q=${encodeURIComponent(marker)}`);
    for (const author of authors) await list.select(author.$label);
    await expect(page.getByRole("region", { name: "Selection" })).toContainText("2 selected");
    const dialog = await list.openBulkDelete();
    await expect(dialog.root).toHaveAccessibleName("Delete 2 authors?");
    await expect(dialog.root.getByText("This permanently deletes 2 authors.")).toBeVisible();
    await expect(dialog.group("Also deleted")).toContainText("2 awards");
    await dialog.confirm();

    await expect(page.getByRole("status").filter({ hasText: "Deleted 2 authors" })).toBeVisible();
    await expect(list.row(authors[0]?.$label ?? "")).toHaveCount(0);
    for (const author of authors) await api.expectGone("author", author.$id);
    for (const award of awards) await api.expectGone("award", award.$id);
  });
});

test.describe("record shapes", () => {
  test("an order item (composite key) is opened from its order, edited and saved", async ({
    page,
    factory,
    api,
  }) => {
    const order = await factory.create("order");
    const item = await factory.create("order-item", { order: order.$id, quantity: 1 });
    const orderPage = new RecordDetailPage(page, "order");
    await orderPage.goto(order.$id);
    const items = page.getByRole("region", { name: /^Items/ });
    await items.getByRole("table").getByRole("link").first().click();

    const detail = new RecordDetailPage(page, "order-item");
    expect(await detail.expectOnRecordPage()).toBe(item.$id);
    await expect(detail.value("order")).toHaveText(order.$label);
    await detail.edit();
    const form = new RecordFormPage(page, "order-item");
    await form.fill("quantity", 5);
    await form.save();
    expect(await detail.expectOnRecordPage()).toBe(item.$id);
    await expect(detail.value("quantity")).toHaveText("5");
    expect((await api.get("order-item", item.$id)).quantity).toBe(5);
  });

  test.describe("in a browser on New York time", () => {
    test.use({ timezoneId: "America/New_York", locale: "en-US" });

    test("a date and time is shown and edited in the browser's time zone, which is named", async ({
      page,
      factory,
      api,
    }) => {
      const warehouse = await factory.create("warehouse", { openedOn: "2026-01-15T17:30:45.000Z" });
      const detail = new RecordDetailPage(page, "warehouse");
      await detail.goto(warehouse.$id);
      await expect(detail.value("openedOn")).toHaveText("Jan 15, 2026, 12:30 PM EST");

      await detail.edit();
      const form = new RecordFormPage(page, "warehouse");
      const input = form.control("openedOn");
      await expect(input).toHaveValue("2026-01-15T12:30:45");
      await expect(input).toHaveAccessibleDescription(/Time zone: America\/New_York/);
      await expect(page.getByText("Time zone: America/New_York")).toBeVisible();
      await input.fill("2026-07-01T09:15:30");
      await form.save();
      await detail.expectOnRecordPage();
      await expect(detail.value("openedOn")).toHaveText("Jul 1, 2026, 9:15 AM EDT");
      // Summer time in New York is UTC-4.
      expect((await api.get("warehouse", warehouse.$id)).openedOn).toBe("2026-07-01T13:15:30.000Z");
    });
  });
});
