import { expect, test } from "./support/fixtures.js";

// The demo's `list.dateHierarchy: "placedAt"` on orders and `viewOnSite` on books (atrium.config.ts).

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

test("orders drill down by year, month and day, and back up to all dates", async ({ page, api }) => {
  const [newest] = await api.list("order", { sort: "-placedAt", perPage: 1 });
  const placed = new Date(String(newest?.placedAt));
  const year = String(placed.getFullYear());
  const month = `${monthNames[placed.getMonth()]} ${year}`;
  await page.goto("/m/order");
  const drill = page.getByRole("navigation", { name: "Orders by placed at" });
  const summary = page.locator(".page-header .page-description");
  await expect(summary).toHaveText(/^[\d,]+ orders$/);
  const allOrders = await summary.textContent();

  // The demo's orders span more than one year: the years come first.
  await drill.getByRole("button", { name: year, exact: true }).click();
  await expect(drill.getByRole("button", { name: "‹ All dates" })).toBeVisible();
  await expect(page).toHaveURL(/filter\.placedAt\.gte=/);
  await drill.getByRole("button", { name: month, exact: true }).click();
  await expect(drill.getByRole("button", { name: `‹ ${year}` })).toBeVisible();
  await expect(drill.locator('[aria-current="true"]')).toHaveText(month);
  await drill.getByRole("button", { name: String(placed.getDate()), exact: true }).click();
  await expect(drill.getByRole("button", { name: `‹ ${month}` })).toBeVisible();

  // Every order listed was placed that day (local time), and the newest one is among them.
  const day = localDay(placed);
  const rows = page.locator('table[aria-busy="false"] tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator("tbody td.cell-title").first()).toHaveText(String(newest?.number));
  const shown = await api.list("order", {
    "filter.placedAt.gte": new URL(page.url()).searchParams.get("filter.placedAt.gte") ?? "",
    "filter.placedAt.lte": new URL(page.url()).searchParams.get("filter.placedAt.lte") ?? "",
    perPage: 100,
  });
  expect(shown.length).toBeGreaterThan(0);
  for (const order of shown) expect(localDay(new Date(String(order.placedAt)))).toBe(day);

  // The filter chip shows the same range, and "All dates" removes it.
  await expect(page.getByRole("list", { name: /active filters/i }).or(page.locator(".chips"))).toContainText(
    "Placed at",
  );
  await drill.getByRole("button", { name: "‹ All dates" }).click();
  await expect(page).not.toHaveURL(/filter\.placedAt/);
  await expect(summary).toHaveText(allOrders ?? "");
});

test("a book's page links to the book on the shop's site", async ({ page, api }) => {
  const [book] = await api.list("book", { perPage: 1 });
  await page.goto(`/m/book/${encodeURIComponent(String(book?.$id))}`);
  const link = page.getByRole("link", { name: "View on site" });
  await expect(link).toHaveAttribute("href", `https://bookstore.example/books/${String(book?.isbn)}`);
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
});
