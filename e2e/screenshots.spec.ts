import { expect, type Page, test } from "@playwright/test";

// Pictures of the admin for the docs and for review; each test also checks the view it photographs is whole.

const dir = "docs/screenshots";

async function settle(page: Page): Promise<void> {
  await expect(page.locator(".skeleton")).toHaveCount(0);
  // No caret blinking or hover state in the picture.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function openBooks(page: Page): Promise<void> {
  await page.goto("/m/book");
  await expect(page.locator('table[aria-busy="false"] tbody tr')).toHaveCount(25);
  await settle(page);
}

test.describe("screenshots (1280x800)", () => {
  test.use({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });

  test("list.png: the books list, light theme", async ({ page }) => {
    await openBooks(page);
    const scroll = page.locator(".table-scroll");
    // The default columns fit beside the sidebar: nothing hides behind a sideways scroll.
    expect(await scroll.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(
      0,
    );
    await page.screenshot({ path: `${dir}/list.png` });
  });

  test("edit.png: a book's edit form", async ({ page, request }) => {
    const book = (await (await request.get("/api/records/book/1")).json()) as { data: { title: string } };
    await page.goto("/m/book/1/edit");
    await expect(page.getByRole("textbox", { name: /^Title/ })).toHaveValue(book.data.title);
    await settle(page);
    await page.screenshot({ path: `${dir}/edit.png` });
  });
});

test.describe("screenshots: dark", () => {
  test.use({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });

  test("list-dark.png: the books list with filters open, dark theme", async ({ page }) => {
    await page.goto("/m/book?filter.inPrint.eq=true&sort=title");
    await expect(page.locator('table[aria-busy="false"] tbody tr')).toHaveCount(25);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await settle(page);
    await page.screenshot({ path: `${dir}/list-dark.png` });
  });
});

test.describe("screenshots: phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, colorScheme: "light" });

  test("list-phone.png: the books list on a phone", async ({ page }) => {
    await openBooks(page);
    await page.screenshot({ path: `${dir}/list-phone.png` });
  });
});
