import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";

/** The list view of one model, located by role and label as a user finds its parts. */
export class ListPage {
  readonly table: Locator;
  readonly filterPanel: Locator;
  readonly chips: Locator;
  readonly pagination: Locator;

  constructor(
    readonly page: Page,
    readonly modelKey: string,
  ) {
    this.table = page.getByRole("table");
    this.filterPanel = page.getByRole("complementary", { name: "Filters" });
    this.chips = page.getByRole("list", { name: "Active filters" });
    this.pagination = page.getByRole("navigation", { name: "Pagination" });
  }

  async open(query = ""): Promise<void> {
    await this.page.goto(`/m/${this.modelKey}${query}`);
    await this.waitForRows();
  }

  /** Waits until the table has rows (not placeholders), or an empty or error state took its place. */
  async waitForRows(): Promise<void> {
    await expect(this.page.locator('table[aria-busy="false"], .table-card .state').first()).toBeVisible();
  }

  /** The title cell of each body row, in order. */
  async titles(): Promise<string[]> {
    await this.waitForRows();
    return this.table.locator("tbody tr td.cell-title").allInnerTexts();
  }

  async openFilters(): Promise<void> {
    if (await this.filterPanel.isVisible()) return;
    await this.page.getByRole("button", { name: /^Filters/ }).click();
    await expect(this.filterPanel).toBeVisible();
  }

  /** The fieldset of one field in the filter panel. */
  filterGroup(label: string): Locator {
    return this.filterPanel.getByRole("group", { name: label, exact: true });
  }

  chip(text: string | RegExp): Locator {
    return this.chips.getByRole("listitem").filter({ hasText: text });
  }

  /** The header text: "3,000 books" or "12 books match". */
  summary(): Locator {
    return this.page.locator(".page-header .page-description");
  }

  params(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }
}

/** The number of matching records according to the API, for the same query the page shows. */
export async function apiTotal(
  request: APIRequestContext,
  modelKey: string,
  params: URLSearchParams,
): Promise<number> {
  const query = new URLSearchParams(params);
  query.set("perPage", "1");
  query.delete("page");
  const response = await request.get(`/api/records/${modelKey}?${query}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { total: number }).total;
}

/** The labels of the first page the API answers for a query: the order the table must show. */
export async function apiTitles(
  request: APIRequestContext,
  modelKey: string,
  query: string,
): Promise<string[]> {
  const response = await request.get(`/api/records/${modelKey}?${query}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { data: { $label: string }[] }).data.map((row) => row.$label);
}

/** Formats a count the way the UI does (the browser runs with the same default locale). */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}
