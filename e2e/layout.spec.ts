import { expect, type Page, test } from "@playwright/test";

const theme = (page: Page) => page.locator("html").getAttribute("data-theme");

test.describe("layout: dark mode", () => {
  test("the switch applies dark mode, and it stays after a reload", async ({ page }) => {
    await page.goto("/m/book");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    const light = await page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
    await page.getByRole("radiogroup", { name: "Theme" }).getByRole("radio", { name: "Dark theme" }).check();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    const dark = await page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
    expect(dark).not.toBe(light);

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect(page.getByRole("radio", { name: "Dark theme" })).toBeChecked();

    await page.getByRole("radio", { name: "Light theme" }).check();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  });

  test.describe("with a dark system setting", () => {
    test.use({ colorScheme: "dark" });

    test("follows the system until the user chooses", async ({ page }) => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
      await expect(page.getByRole("radio", { name: "System theme" })).toBeChecked();
      await page.emulateMedia({ colorScheme: "light" });
      await expect.poll(() => theme(page)).toBe("light");
      await page.getByRole("radio", { name: "Dark theme" }).check();
      await page.emulateMedia({ colorScheme: "light" });
      await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    });
  });
});

test.describe("layout: phone width", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the sidebar hides behind a menu button that opens and closes it", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Models" });
    const menu = page.getByRole("button", { name: "Open menu" });
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeInViewport();
    await nav.getByRole("link", { name: "Books" }).click();
    await expect(page).toHaveURL(/\/m\/book$/);
    // Navigating closes the menu, so the page is not hidden behind it.
    await expect(nav).toBeHidden();
    await menu.click();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
  });

  test("the list is usable: search, rows, paging fit the screen", async ({ page }) => {
    await page.goto("/m/book");
    const search = page.getByRole("searchbox", { name: "Search books" });
    await expect(search).toBeInViewport();
    await search.fill("memory");
    await expect(page).toHaveURL(/q=memory/);
    const firstRow = page.locator('table[aria-busy="false"] tbody tr').first();
    await expect(firstRow).toContainText(/memory/i);
    await expect(firstRow.getByRole("link").first()).toBeInViewport();
    // Wide tables scroll inside their card; the page itself never scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page
      .getByRole("navigation", { name: "Pagination" })
      .getByRole("button", { name: "Next page" })
      .isVisible();
  });

  test("the form is usable: fields fit, the save button is reachable", async ({ page }) => {
    await page.goto("/m/book/1/edit");
    const title = page.getByRole("textbox", { name: /^Title/ });
    await expect(title).toBeVisible();
    const box = await title.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(250);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    const save = page.getByRole("button", { name: "Save", exact: true });
    await save.scrollIntoViewIfNeeded();
    await expect(save).toBeInViewport();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("layout: the demo's own page at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the orders-to-ship table scrolls inside its card: its Mark shipped buttons stay reachable", async ({
    page,
  }) => {
    await page.goto("/pages/sales-overview");
    const ship = page
      .getByRole("table", { name: "Orders to ship" })
      .getByRole("button", { name: "Mark shipped" });
    await expect(ship.first()).toBeAttached();
    await ship.first().scrollIntoViewIfNeeded();
    await expect(ship.first()).toBeInViewport({ ratio: 1 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("layout: deep links", () => {
  // Each page's heading, given book 1's title as the API answers it (the seed plan decides it).
  const routes: [string, (bookTitle: string) => string][] = [
    ["/", () => "Overview"],
    ["/m/book", () => "Books"],
    ["/m/book/1", (title) => title],
    ["/m/book/1/edit", (title) => `Edit “${title}”`],
    ["/m/book/new", () => "New book"],
    ["/pages/sales-overview", () => "Sales overview"],
  ];
  for (const [path, headingOf] of routes) {
    test(`${path} opens directly and survives a reload`, async ({ page, request }) => {
      const book = (await (await request.get("/api/records/book/1")).json()) as { data: { title: string } };
      const heading = headingOf(book.data.title);
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const h1 = page.getByRole("heading", { level: 1 });
      await expect(h1).toHaveText(heading);
      await page.reload();
      await expect(h1).toHaveText(heading);
      await expect(page.getByRole("alert")).toHaveCount(0);
      expect(errors).toEqual([]);
    });
  }

  test("a record with a composite id opens from its link and after a reload", async ({ page, request }) => {
    const items = (await (await request.get("/api/records/order-item?perPage=1")).json()) as {
      data: { $id: string; $label: string }[];
    };
    const item = items.data[0];
    if (!item) throw new Error("the seed has no order items");
    await page.goto(`/m/order-item/${encodeURIComponent(item.$id)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(item.$label);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(item.$label);
  });

  test("an unknown model says so instead of a blank page", async ({ page }) => {
    await page.goto("/m/no-such-model");
    await expect(page.getByText("There is no model “no-such-model”.")).toBeVisible();
  });
});

test.describe("layout: navigation", () => {
  test("typing in the sidebar filter narrows the models; Enter opens the first", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Models" });
    await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Filter models" }).fill("ord");
    await expect(nav.getByRole("link", { name: "Orders" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Order items" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Customers" })).toHaveCount(0);
    await page.getByRole("searchbox", { name: "Filter models" }).fill("zzz");
    await expect(nav.getByText("No model matches “zzz”")).toBeVisible();
    await page.getByRole("searchbox", { name: "Filter models" }).fill("revi");
    await page.getByRole("searchbox", { name: "Filter models" }).press("Enter");
    await expect(page).toHaveURL(/\/m\/review$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reviews");
  });

  test("the home page lists every model with its number of records", async ({ page, request }) => {
    const counts = (await (await request.get("/api/counts")).json()) as {
      data: Record<string, { total: number }>;
    };
    await page.goto("/");
    const models = page.getByRole("region", { name: "Models" });
    for (const [label, key] of [
      ["Books", "book"],
      ["Orders", "order"],
      ["Authors", "author"],
    ] as const) {
      const card = models.getByRole("link", { name: new RegExp(`^${label}`) });
      await expect(card).toContainText((counts.data[key]?.total ?? -1).toLocaleString("en-US"));
    }
    expect(await models.getByRole("link").count()).toBe(Object.keys(counts.data).length);
    await models.getByRole("link", { name: /^Books/ }).click();
    await expect(page).toHaveURL(/\/m\/book$/);
  });
});
