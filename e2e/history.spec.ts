import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContextOptions, test as base, type Page } from "@playwright/test";
import { type ApiRow, AtriumApi } from "./support/AtriumApi.js";
import { expect } from "./support/fixtures.js";

/**
 * Audit history and lost-update protection as people see them: two editors on one record, the History tab with
 * revert, the global history page and the home page's recent actions.
 */
type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

/** The demo's account (prisma/demo.ts). */
const demoAccount = { email: "admin@demo.atrium", password: "atrium-demo-password" };

const test = base.extend<{ api: AtriumApi }, { signedIn: StorageState; origin: string }>({
  origin: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern
    async ({}, use, workerInfo) => {
      await use(new URL(String(workerInfo.project.use.baseURL)).origin);
    },
    { scope: "worker" },
  ],
  // One sign-in per worker; every page and API call of the tests reuses its session cookie.
  signedIn: [
    async ({ playwright, origin }, use) => {
      // Writes must carry the admin's own Origin (CSRF guard), as the browser's fetches do.
      const request = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
      const response = await request.post("/api/auth/login", { data: demoAccount });
      if (!response.ok()) throw new Error(`sign-in answered ${response.status()}: ${await response.text()}`);
      const state = await request.storageState();
      await request.dispose();
      await use(state);
    },
    { scope: "worker" },
  ],
  storageState: async ({ signedIn }, use) => {
    await use(signedIn);
  },
  api: async ({ playwright, origin, signedIn }, use) => {
    const request = await playwright.request.newContext({
      baseURL: origin,
      extraHTTPHeaders: { origin },
      storageState: signedIn,
    });
    await use(new AtriumApi(request));
    await request.dispose();
  },
});

let serial = 0;

/** A customer of this test alone, so no other test's edits show up in its history. */
async function newCustomer(api: AtriumApi, firstName: string): Promise<ApiRow> {
  serial += 1;
  const unique = `${Date.now().toString(36)}-${serial}`;
  return api.create("customer", {
    email: `history-${unique}@example.com`,
    firstName,
    lastName: `Tester${serial}`,
    phone: "555-0100",
  });
}

async function openEditor(browser: Browser, storageState: StorageState, id: string): Promise<Page> {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  await page.goto(`/m/customer/${id}/edit`);
  await expect(page.getByRole("textbox", { name: /^First name/ })).not.toHaveValue("");
  return page;
}

function historyEntries(page: Page) {
  return page.locator(".history-entry");
}

test.describe("two editors on one record", () => {
  test("the second save shows the first's changes field by field, and overwriting keeps the second's value", async ({
    browser,
    api,
    signedIn,
  }) => {
    const customer = await newCustomer(api, "Ada");
    const first = await openEditor(browser, signedIn, customer.$id);
    const second = await openEditor(browser, signedIn, customer.$id);

    await first.getByRole("textbox", { name: /^First name/ }).fill("Alicia");
    await first.getByRole("textbox", { name: /^Phone/ }).fill("555-0111");
    await first.getByRole("button", { name: "Save", exact: true }).click();
    await expect(first).toHaveURL(new RegExp(`/m/customer/${customer.$id}$`));

    await second.getByRole("textbox", { name: /^First name/ }).fill("Beatrice");
    await second.getByRole("button", { name: "Save", exact: true }).click();

    const panel = second.getByRole("alertdialog", {
      name: "Someone else changed this record since you opened it",
    });
    await expect(panel).toBeVisible();
    await expect(panel).toBeFocused();
    const firstName = panel.getByRole("row", { name: /^First name/ });
    await expect(firstName.getByRole("cell")).toHaveText(["Ada", "Alicia", "Beatrice"]);
    // The first editor's other change is shown too, and the second never touched it.
    const phone = panel.getByRole("row", { name: /^Phone/ });
    await expect(phone.getByRole("cell")).toHaveText(["555-0100", "555-0111", "Not edited"]);
    // Nothing was saved, and what the second editor typed is still there.
    await expect(second.getByRole("textbox", { name: /^First name/ })).toHaveValue("Beatrice");
    expect((await api.get("customer", customer.$id)).firstName).toBe("Alicia");

    await panel.getByRole("button", { name: "Overwrite with mine" }).click();
    await expect(second).toHaveURL(new RegExp(`/m/customer/${customer.$id}$`));
    const saved = await api.get("customer", customer.$id);
    expect(saved.firstName).toBe("Beatrice");
    expect(saved.phone).toBe("555-0111");
    await first.context().close();
    await second.context().close();
  });

  test("reloading their version discards my edits and loads theirs", async ({ browser, api, signedIn }) => {
    const customer = await newCustomer(api, "Grace");
    const second = await openEditor(browser, signedIn, customer.$id);
    await api.update("customer", customer.$id, { lastName: "Hopper" });

    await second.getByRole("textbox", { name: /^First name/ }).fill("Gracie");
    await second.getByRole("button", { name: "Save", exact: true }).click();
    const panel = second.getByRole("alertdialog");
    await expect(panel.getByRole("row", { name: /^Last name/ })).toContainText("Hopper");
    await panel.getByRole("button", { name: "Reload their version" }).click();

    await expect(panel).toBeHidden();
    await expect(second.getByRole("textbox", { name: /^First name/ })).toHaveValue("Grace");
    await expect(second.getByRole("textbox", { name: /^Last name/ })).toHaveValue("Hopper");
    // Saving now is a save from the current version: accepted.
    await second.getByRole("textbox", { name: /^Phone/ }).fill("555-0199");
    await second.getByRole("button", { name: "Save", exact: true }).click();
    await expect(second).toHaveURL(new RegExp(`/m/customer/${customer.$id}$`));
    expect((await api.get("customer", customer.$id)).phone).toBe("555-0199");
    await second.context().close();
  });

  test("a record with a composite key (an order item) offers the same choice", async ({ page, api }) => {
    const [item] = await api.list("order-item", { perPage: 1 });
    if (!item) throw new Error("the demo has no order items");
    const mine = Number(item.quantity) + 1;
    const theirs = Number(item.quantity) + 5;
    await page.goto(`/m/order-item/${encodeURIComponent(item.$id)}/edit`);
    const quantity = page.getByRole("spinbutton", { name: /^Quantity/ });
    await expect(quantity).toHaveValue(String(item.quantity));
    await page.waitForLoadState("networkidle");
    await api.update("order-item", item.$id, { quantity: theirs });

    await quantity.fill(String(mine));
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const panel = page.getByRole("alertdialog", {
      name: "Someone else changed this record since you opened it",
    });
    await expect(panel.getByRole("row", { name: /^Quantity/ }).getByRole("cell")).toHaveText([
      String(item.quantity),
      String(theirs),
      String(mine),
    ]);
    expect((await api.get("order-item", item.$id)).quantity).toBe(theirs);
    await panel.getByRole("button", { name: "Overwrite with mine" }).click();
    await expect(page).toHaveURL(/\/m\/order-item\/[^/]+$/);
    expect((await api.get("order-item", item.$id)).quantity).toBe(mine);
  });

  test("deleting a record someone changed since it was opened is refused", async ({ page, api }) => {
    const customer = await newCustomer(api, "Dora");
    await page.goto(`/m/customer/${customer.$id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer.$label);
    // Every part of the page has read the record before someone else changes it: a part that mounted later
    // (a lazily loaded panel) would read the changed record, and the page would then show it.
    await page.waitForLoadState("networkidle");
    await api.update("customer", customer.$id, { phone: "555-0123" });
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Someone else changed this customer");
    expect(await api.status("customer", customer.$id)).toBe(200);
  });
});

test.describe("history of a record", () => {
  test("the History tab shows an update with old and new values, and revert restores the old value", async ({
    page,
    api,
  }) => {
    const customer = await newCustomer(api, "Hedy");
    await api.update("customer", customer.$id, { phone: "555-0222" });

    await page.goto(`/m/customer/${customer.$id}`);
    await page
      .getByRole("navigation", { name: "Record views" })
      .getByRole("link", { name: "History" })
      .click();
    await expect(page).toHaveURL(new RegExp(`/m/customer/${customer.$id}/history$`));
    const entries = historyEntries(page);
    await expect(entries).toHaveCount(2);
    const update = entries.first();
    await expect(update).toContainText("Changed");
    await expect(update).toContainText(`by ${demoAccount.email}`);
    await expect(update.getByRole("row", { name: /^Phone/ })).toHaveText(/from 555-0100.*to 555-0222/);
    await expect(entries.nth(1)).toContainText("Created");

    await update.getByRole("button", { name: /^Revert/ }).click();
    const dialog = page.getByRole("dialog", { name: "Revert this change?" });
    await dialog.getByRole("button", { name: "Revert", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Reverted the change" })).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(entries).toHaveCount(3);
    await expect(entries.first()).toContainText("Reverted");
    expect((await api.get("customer", customer.$id)).phone).toBe("555-0100");
  });

  test("a revert is refused with a clear message when the record changed since", async ({ page, api }) => {
    const customer = await newCustomer(api, "Katherine");
    await api.update("customer", customer.$id, { phone: "555-0301" });
    await api.update("customer", customer.$id, { phone: "555-0302" });

    await page.goto(`/m/customer/${customer.$id}/history`);
    const older = historyEntries(page).nth(1);
    await expect(older.getByRole("row", { name: /^Phone/ })).toHaveText(/555-0100.*555-0301/);
    await older.getByRole("button", { name: /^Revert/ }).click();
    const dialog = page.getByRole("dialog", { name: "Revert this change?" });
    await dialog.getByRole("button", { name: "Revert", exact: true }).click();
    await expect(dialog.getByRole("alert")).toContainText("Cannot revert");
    await expect(dialog.getByRole("alert")).toContainText("changed since this entry");
    expect((await api.get("customer", customer.$id)).phone).toBe("555-0302");
  });
});

test.describe("a delete and what it took with it", () => {
  test("the History tab lists what a delete took with it, and one revert brings all of it back", async ({
    page,
    api,
  }) => {
    const customer = await newCustomer(api, "Grace");
    const home = await api.create("address", {
      customer: customer.$id,
      line1: "1 Cascade Way",
      city: "Arlington",
      postalCode: "22201",
    });
    const work = await api.create("address", {
      customer: customer.$id,
      label: "Work",
      line1: "2 Navy Yard",
      city: "Washington",
      postalCode: "20374",
    });
    const profile = await api.create("customer-profile", {
      customer: customer.$id,
      favoriteGenre: "Compilers",
    });
    const review = await api.create("review", {
      book: "3",
      customer: customer.$id,
      stars: 5,
      title: "Kept",
      body: "Stays after the delete.",
    });

    await page.goto(`/m/customer/${customer.$id}`);
    await page.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByRole("dialog");
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/m\/customer$/);
    await api.expectGone("address", home.$id);
    expect((await api.get("review", review.$id)).customerId).toBeNull();

    await page.goto(`/m/customer/${customer.$id}/history`);
    const deleted = historyEntries(page).first();
    await expect(deleted).toContainText("Deleted");
    const toggle = deleted.getByRole("button", { name: "Also deleted or changed 4 other records" });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const taken = deleted.getByRole("listitem");
    await expect(taken).toHaveCount(4);
    await expect(taken.filter({ hasText: "Address" })).toHaveCount(2);
    await expect(taken.filter({ hasText: "Customer profile" })).toContainText("Deleted");
    await expect(taken.filter({ hasText: "Review" })).toContainText("Changed");

    // Each record's own history says why it went, and points back at the customer's.
    await taken.filter({ hasText: "Work" }).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/m/address/${work.$id}/history$`));
    const addressEntry = historyEntries(page).first();
    await expect(addressEntry).toContainText("Deleted together with Customer");
    await expect(addressEntry.getByRole("button", { name: /^Revert/ })).toHaveCount(0);
    await addressEntry.getByRole("link", { name: /^Customer/ }).click();
    await expect(page).toHaveURL(new RegExp(`/m/customer/${customer.$id}/history$`));

    await historyEntries(page)
      .first()
      .getByRole("button", { name: /^Revert/ })
      .click();
    const dialog = page.getByRole("dialog", { name: "Revert this change?" });
    await expect(dialog).toContainText("the 4 other records the delete took with it or changed");
    await dialog.getByRole("button", { name: "Revert", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Reverted the change" })).toBeVisible();
    await expect(historyEntries(page).first()).toContainText("Reverted");
    await expect(
      historyEntries(page).first().getByRole("button", { name: "Also restored 4 other records" }),
    ).toBeVisible();

    expect((await api.get("customer", customer.$id)).firstName).toBe("Grace");
    expect((await api.get("address", home.$id)).line1).toBe("1 Cascade Way");
    expect((await api.get("address", work.$id)).label).toBe("Work");
    expect((await api.get("customer-profile", profile.$id)).favoriteGenre).toBe("Compilers");
    expect((await api.get("review", review.$id)).customerId).toBe(customer.id);
  });
});

test.describe("global history and recent actions", () => {
  test("the history page filters by model, with the filter in the URL", async ({ page, api }) => {
    const customer = await newCustomer(api, "Mary");
    const book = await api.get("book", "2");
    await api.update("book", book.$id, { title: `${String(book.title)} (2nd ed.)` });

    await page.goto("/");
    await page.getByRole("navigation", { name: "Models" }).getByRole("link", { name: "History" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("History");
    await page.getByLabel("Model", { exact: true }).selectOption("book");
    await expect(page).toHaveURL(/[?&]model=book/);
    const entries = historyEntries(page);
    await expect(entries.first()).toContainText("Book");
    await expect(page.getByRole("link", { name: customer.$label })).toHaveCount(0);

    await page.getByLabel("Model", { exact: true }).selectOption("customer");
    await expect(page).toHaveURL(/[?&]model=customer/);
    await expect(page.getByRole("link", { name: customer.$label }).first()).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Model", { exact: true })).toHaveValue("customer");

    await page.getByRole("link", { name: customer.$label }).first().click();
    await expect(page).toHaveURL(new RegExp(`/m/customer/${customer.$id}$`));
  });

  test("the home page lists recent actions linking to their records and to the full history", async ({
    page,
    api,
  }) => {
    const customer = await newCustomer(api, "Radia");
    await api.update("customer", customer.$id, { phone: "555-0404" });
    await page.goto("/");
    const recent = page.getByRole("region", { name: "Recent actions" });
    await expect(recent.getByRole("listitem").first()).toContainText("Changed");
    await expect(recent.getByRole("listitem")).toHaveCount(8);
    await recent
      .getByRole("link", { name: /^Customer #/ })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/m/customer/${customer.$id}$`));
    await page.goBack();
    await page.getByRole("link", { name: "View all history" }).click();
    await expect(page).toHaveURL(/\/history$/);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`history pages have no serious axe violation (${theme})`, async ({ page, api }) => {
      const customer = await newCustomer(api, "Barbara");
      await api.update("customer", customer.$id, { phone: "555-0505", marketingOptIn: true });
      await page.addInitScript((choice) => localStorage.setItem("atrium:theme", choice), theme);
      for (const path of ["/history", `/m/customer/${customer.$id}/history`]) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        await expect(historyEntries(page).first()).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
          .map(
            (violation) => `${path}: ${violation.id} ${violation.nodes.map((node) => node.target).join(" ")}`,
          );
        expect(serious).toEqual([]);
      }
    });
  }
});
