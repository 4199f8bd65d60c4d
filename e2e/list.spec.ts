import { type APIRequestContext, expect, test } from "@playwright/test";
import { apiTitles, apiTotal, count, ListPage } from "./listSupport/listPage.js";

// Read-only: every test here reads the demo's seeded data, its totals as the API counts them; nothing is written.

/** Every book, as the list's header counts them ("1,000 books"). */
const allBooks = async (request: APIRequestContext) => apiTotal(request, "book", new URLSearchParams());

test.describe("list: search", () => {
  test("finds a book by part of its title, whatever the case", async ({ page, request }) => {
    const list = new ListPage(page, "book");
    await list.open();
    await page.getByRole("searchbox", { name: "Search books" }).fill("lIGHTHOUSE");
    await expect(page).toHaveURL(/[?&]q=lIGHTHOUSE/);
    const total = await apiTotal(request, "book", list.params());
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(await allBooks(request));
    await expect(list.summary()).toHaveText(`${count(total)} ${total === 1 ? "book" : "books"} match`);
    for (const title of await list.titles()) expect(title.toLowerCase()).toContain("lighthouse");
  });

  test("an impossible search says there are no results and offers a way back", async ({ page, request }) => {
    const list = new ListPage(page, "book");
    await list.open("?q=zzqqxx-no-such-book");
    await expect(page.getByRole("heading", { name: "No matches" })).toBeVisible();
    await expect(page.getByText("No books match the search and filters.")).toBeVisible();
    await page.getByRole("button", { name: "Clear search and filters" }).click();
    await expect(list.summary()).toHaveText(`${count(await allBooks(request))} books`);
    await expect(page.getByRole("searchbox", { name: "Search books" })).toHaveValue("");
  });
});

test.describe("list: filter panel", () => {
  test("boolean filter: yes, no, any", async ({ page, request }) => {
    const list = new ListPage(page, "book");
    await list.open();
    await list.openFilters();
    const inPrint = list.filterPanel.getByRole("radiogroup", { name: "In print" });

    await inPrint.getByRole("radio", { name: "Yes", exact: true }).check();
    await expect(page).toHaveURL(/filter\.inPrint\.eq=true/);
    const yes = await apiTotal(request, "book", list.params());
    await expect(list.summary()).toHaveText(`${count(yes)} books match`);
    await expect(list.chip("In print is Yes")).toBeVisible();

    await inPrint.getByRole("radio", { name: "No", exact: true }).check();
    await expect(page).toHaveURL(/filter\.inPrint\.eq=false/);
    const no = await apiTotal(request, "book", list.params());
    await expect(list.summary()).toHaveText(`${count(no)} ${no === 1 ? "book" : "books"} match`);
    const books = await allBooks(request);
    expect(yes + no).toBe(books);

    await inPrint.getByRole("radio", { name: "Any", exact: true }).check();
    await expect(page).not.toHaveURL(/filter\.inPrint/);
    await expect(list.summary()).toHaveText(`${count(books)} books`);
    await expect(list.chips).toHaveCount(0);
  });

  test("enum filter takes several values (orders by status)", async ({ page, request }) => {
    const list = new ListPage(page, "order");
    await list.open();
    await list.openFilters();
    const status = list.filterGroup("Status");
    await status.getByRole("checkbox", { name: "PAID" }).check();
    await status.getByRole("checkbox", { name: "SHIPPED" }).check();
    await expect(page).toHaveURL(/filter\.status\.in=PAID%2CSHIPPED/);
    const total = await apiTotal(request, "order", list.params());
    await expect(list.summary()).toHaveText(`${count(total)} orders match`);
    await expect(list.chip("Status is any of PAID, SHIPPED")).toBeVisible();
    const statuses = await list.table.locator("tbody tr .badge").allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    for (const value of statuses) expect(["PAID", "SHIPPED"]).toContain(value);
  });

  test("number range (book page count) shows one range chip; removing it removes both bounds", async ({
    page,
    request,
  }) => {
    const list = new ListPage(page, "book");
    await list.open();
    await list.openFilters();
    await list.filterPanel.getByLabel("Page count minimum").fill("300");
    await list.filterPanel.getByLabel("Page count maximum").fill("320");
    await list.filterPanel.getByLabel("Page count maximum").press("Enter");
    await expect(page).toHaveURL(/filter\.pageCount\.gte=300/);
    await expect(page).toHaveURL(/filter\.pageCount\.lte=320/);
    const total = await apiTotal(request, "book", list.params());
    expect(total).toBeGreaterThan(0);
    await expect(list.summary()).toHaveText(`${count(total)} books match`);
    const chip = list.chip("Page count 300 – 320");
    await expect(chip).toBeVisible();

    await chip.getByRole("button", { name: /^Remove filter/ }).click();
    await expect(page).not.toHaveURL(/filter\.pageCount/);
    await expect(list.summary()).toHaveText(`${count(await allBooks(request))} books`);
    await expect(list.filterPanel.getByLabel("Page count minimum")).toHaveValue("");
  });

  test("date range: a preset, then custom days (orders by placed at)", async ({ page, request }) => {
    const list = new ListPage(page, "order");
    await list.open();
    await list.openFilters();
    const thisYear = list.filterPanel.getByRole("button", { name: "Placed at: this year" });
    await thisYear.click();
    await expect(thisYear).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/filter\.placedAt\.gte=/);
    const year = new Date().getFullYear();
    await expect(list.filterPanel.getByLabel("Placed at from")).toHaveValue(`${year}-01-01`);
    await expect(list.filterPanel.getByLabel("Placed at to")).toHaveValue(`${year}-12-31`);
    const yearTotal = await apiTotal(request, "order", list.params());
    await expect(list.summary()).toHaveText(
      `${count(yearTotal)} ${yearTotal === 1 ? "order" : "orders"} match`,
    );
    await expect(list.chip(/^Placed at .+ – .+/)).toBeVisible();

    // "Today" and "Past 7 days" are offered too; their matches depend on the day the suite runs.
    for (const preset of ["today", "past 7 days", "this month"]) {
      await expect(list.filterPanel.getByRole("button", { name: `Placed at: ${preset}` })).toBeVisible();
    }

    await list.filterPanel.getByLabel("Placed at from").fill("2025-03-01");
    await list.filterPanel.getByLabel("Placed at to").fill("2025-03-31");
    await expect(thisYear).toHaveAttribute("aria-pressed", "false");
    await expect(list.chip(/Placed at Mar 1, 2025 – Mar 31, 2025/)).toBeVisible();
    const march = await apiTotal(request, "order", list.params());
    expect(march).toBeGreaterThan(0);
    await expect(list.summary()).toHaveText(`${count(march)} orders match`);
    const dates = (await list.table.locator("tbody tr").first().textContent()) ?? "";
    expect(dates).toMatch(/Mar \d+, 2025/);
  });

  test("text contains, and empty / not empty", async ({ page, request }) => {
    const list = new ListPage(page, "book");
    await list.open();
    await list.openFilters();
    await list.filterPanel.getByLabel("Title contains", { exact: true }).fill("garden");
    await list.filterPanel.getByLabel("Title contains", { exact: true }).press("Enter");
    await expect(page).toHaveURL(/filter\.title\.contains=garden/);
    await expect(list.chip("Title contains “garden”")).toBeVisible();
    const withText = await apiTotal(request, "book", list.params());
    await expect(list.summary()).toHaveText(`${count(withText)} books match`);
    for (const title of await list.titles()) expect(title.toLowerCase()).toContain("garden");

    await list.filterPanel.getByLabel("Subtitle: empty or not").selectOption("Is not empty");
    await expect(page).toHaveURL(/filter\.subtitle\.isNull=false/);
    await expect(list.chip("Subtitle is not empty")).toBeVisible();
    const both = await apiTotal(request, "book", list.params());
    expect(both).toBeLessThan(withText);
    await expect(list.summary()).toHaveText(`${count(both)} ${both === 1 ? "book" : "books"} match`);

    await list.filterPanel.getByLabel("Subtitle: empty or not").selectOption("Is empty");
    await expect(list.chip("Subtitle is empty")).toBeVisible();
    const empty = await apiTotal(request, "book", list.params());
    expect(empty + both).toBe(withText);
  });

  test("relation filter picks an author by autocomplete", async ({ page, request }) => {
    // The author of the newest book, so that the filter has something to show.
    const newest = (await (await request.get("/api/records/book?perPage=1")).json()) as {
      data: { author: { $id: string; $label: string } }[];
    };
    const { $id: authorId, $label: name } = newest.data[0]?.author ?? { $id: "", $label: "" };
    const list = new ListPage(page, "book");
    await list.open();
    await list.openFilters();
    const picker = list.filterGroup("Author").getByRole("combobox");
    await picker.fill(name.slice(0, 6));
    await page.getByRole("option", { name }).click();
    await expect(page).toHaveURL(new RegExp(`filter\\.author\\.eq=${authorId}(&|$)`));
    await expect(list.chip(`Author is ${name}`)).toBeVisible();
    const total = await apiTotal(request, "book", list.params());
    expect(total).toBeGreaterThan(0);
    await expect(list.summary()).toHaveText(`${count(total)} ${total === 1 ? "book" : "books"} match`);
    const authors = await list.table.locator("tbody tr").allInnerTexts();
    for (const row of authors) expect(row).toContain(name);
  });
});

test.describe("list: URL state", () => {
  test("reload keeps search, filters, sort and page; back restores the previous state", async ({ page }) => {
    const list = new ListPage(page, "book");
    await list.open();
    await page.getByRole("searchbox", { name: "Search books" }).fill("the");
    await expect(page).toHaveURL(/q=the/);
    await list.openFilters();
    await list.filterPanel
      .getByRole("radiogroup", { name: "In print" })
      .getByRole("radio", { name: "Yes", exact: true })
      .check();
    await expect(page).toHaveURL(/filter\.inPrint\.eq=true/);
    const beforeSort = page.url();
    await list.table.getByRole("button", { name: "Title", exact: true }).click();
    await expect(page).toHaveURL(/sort=title/);
    await list.pagination.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    const summary = (await list.pagination.locator(".num").textContent()) ?? "";
    const titles = await list.titles();

    await page.reload();
    await list.waitForRows();
    await expect(page.getByRole("searchbox", { name: "Search books" })).toHaveValue("the");
    await expect(list.chip("In print is Yes")).toBeVisible();
    await expect(list.table.getByRole("columnheader", { name: "Title", exact: true })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    await expect(list.pagination.locator(".num")).toHaveText(summary);
    expect(await list.titles()).toEqual(titles);

    await page.goBack();
    await expect(page).not.toHaveURL(/page=2/);
    await expect(page).toHaveURL(/sort=title/);
    await page.goBack();
    await expect(page).toHaveURL(beforeSort);
    await expect(list.table.getByRole("columnheader", { name: "Title", exact: true })).toHaveAttribute(
      "aria-sort",
      "none",
    );
    await expect(list.chip("In print is Yes")).toBeVisible();
  });
});

test.describe("list: sorting and paging", () => {
  test("click sorts a column up, then down, then off; shift+click adds a second column", async ({
    page,
    request,
  }) => {
    const list = new ListPage(page, "book");
    await list.open();
    const titleHeader = list.table.getByRole("columnheader", { name: "Title", exact: true });
    const isbnHeader = list.table.getByRole("columnheader", { name: "ISBN-13" });
    await expect(titleHeader).toHaveAttribute("aria-sort", "none");

    await titleHeader.getByRole("button").click();
    await expect(titleHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(page).toHaveURL(/sort=title$/);
    await expect.poll(() => list.titles()).toEqual(await apiTitles(request, "book", "sort=title"));

    await titleHeader.getByRole("button").click();
    await expect(titleHeader).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/sort=-title$/);
    await expect.poll(() => list.titles()).toEqual(await apiTitles(request, "book", "sort=-title"));

    await isbnHeader.getByRole("button").click({ modifiers: ["Shift"] });
    await expect(page).toHaveURL(/sort=-title%2Cisbn$/);
    await expect(titleHeader).toHaveAttribute("aria-sort", "descending");
    await expect(isbnHeader).toHaveAttribute("aria-sort", "ascending");

    // A plain click on a column of a multi-column sort keeps that column alone, direction moving on.
    await isbnHeader.getByRole("button").click();
    await expect(page).toHaveURL(/sort=-isbn$/);
    await expect(titleHeader).toHaveAttribute("aria-sort", "none");
    await expect(isbnHeader).toHaveAttribute("aria-sort", "descending");
    await isbnHeader.getByRole("button").click();
    await expect(page).not.toHaveURL(/sort=/);
    await expect(isbnHeader).toHaveAttribute("aria-sort", "none");
  });

  test("page size and pagination: next page shows other rows, total is shown", async ({ page, request }) => {
    const books = await allBooks(request);
    // "1–25 of 1,000 · page 1 of 40": the rows shown, the total, and pages of `perPage`.
    const range = (from: number, to: number, perPage: number) =>
      `${count(from)}–${count(to)} of ${count(books)} · page ${Math.ceil(to / perPage)} of ${Math.ceil(books / perPage)}`;
    // Three pages of ten, and a last page of 100 that is not the first.
    expect(books).toBeGreaterThan(100);
    const list = new ListPage(page, "book");
    await list.open();
    await expect(list.pagination).toContainText(range(1, 25, 25));
    await expect(list.table.locator("tbody tr")).toHaveCount(25);

    await list.pagination.getByLabel("Rows per page").selectOption("10");
    await expect(page).toHaveURL(/perPage=10/);
    await expect(list.table.locator("tbody tr")).toHaveCount(10);
    await expect(list.pagination).toContainText(range(1, 10, 10));
    const first = await list.titles();
    await expect(list.pagination.getByRole("button", { name: "Previous page" })).toBeDisabled();

    await list.pagination.getByRole("button", { name: "Next page" }).click();
    await expect(list.pagination).toContainText(range(11, 20, 10));
    await expect.poll(async () => (await list.titles()).join("|")).not.toBe(first.join("|"));
    const ids = await list.table
      .locator("tbody tr td.cell-title a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    // Next and Previous go by cursor (in the URL, so a reload keeps the page); numbers jump to the first pages.
    await expect(page).toHaveURL(/page=2&cursor=/);
    const second = (await list.titles()).join("|");
    await list.pagination.getByRole("button", { name: "Next page" }).click();
    await expect(list.pagination).toContainText(range(21, 30, 10));
    await list.pagination.getByRole("button", { name: "Previous page" }).click();
    await expect(list.pagination).toContainText(range(11, 20, 10));
    await expect.poll(async () => (await list.titles()).join("|")).toBe(second);
    await page.reload();
    await list.waitForRows();
    expect((await list.titles()).join("|")).toBe(second);
    await list.pagination.getByRole("button", { name: "Page 1" }).click();
    await expect(page).not.toHaveURL(/cursor=/);
    await expect.poll(async () => (await list.titles()).join("|")).toBe(first.join("|"));

    const lastPage = Math.ceil(books / 100);
    await list.open(`?perPage=100&page=${lastPage}`);
    await expect(list.pagination).toContainText(range((lastPage - 1) * 100 + 1, books, 100));
    await expect(list.pagination.getByRole("button", { name: "Next page" })).toBeDisabled();
  });

  test("an estimated total reads 'about N' and paging still works", async ({ page }) => {
    // No seeded table passes the exact-count limit (100,000 rows) on SQLite, so the server's answer is
    // rewritten as the one a huge PostgreSQL table gets: an estimate.
    await page.route("**/api/records/book?*", async (route) => {
      try {
        const response = await route.fetch();
        const body = (await response.json()) as Record<string, unknown>;
        await route.fulfill({ response, json: { ...body, total: 1_234_567, totalIsEstimate: true } });
      } catch (error) {
        // The app cancels a list request it no longer needs (the page re-renders once the session is
        // known); Playwright then disposes of the response and there is nothing left to rewrite.
        if (!String(error).includes("disposed")) throw error;
      }
    });
    const list = new ListPage(page, "book");
    await list.open();
    await expect(list.summary()).toHaveText("about 1.2M books");
    await expect(list.pagination).toContainText("1–25 of about 1.2M");
    await expect(list.pagination).not.toContainText("page 1 of");
    await list.pagination.getByRole("button", { name: "Next page" }).click();
    await expect(list.pagination).toContainText("26–50 of about 1.2M");
  });
});

test.describe("list: loading and errors", () => {
  test("shows placeholders while the page loads", async ({ page }) => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/records/book?*", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/m/book");
    await expect(page.locator('table[aria-busy="true"]')).toBeVisible();
    await expect(page.locator("tbody .skeleton").first()).toBeVisible();
    release();
    await expect(page.locator('table[aria-busy="false"] tbody tr')).toHaveCount(25);
  });

  test("a filter on an unknown field says what went wrong and offers a way out", async ({
    page,
    request,
  }) => {
    await page.goto("/m/book?filter.nope.eq=1");
    const alert = page.getByRole("alert");
    await expect(alert.getByRole("heading", { name: "Could not load books" })).toBeVisible();
    await expect(alert).toContainText("Unknown field 'nope' on Book");
    await alert.getByRole("button", { name: "Clear search and filters" }).click();
    await expect(page).toHaveURL(/\/m\/book$/);
    await expect(new ListPage(page, "book").summary()).toHaveText(`${count(await allBooks(request))} books`);
  });
});
