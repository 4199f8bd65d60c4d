import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures.js";
import { ModelListPage } from "./support/ModelListPage.js";

/** The model's exact total, as the sidebar counts it. */
async function totalOf(request: APIRequestContext, modelKey: string): Promise<number> {
  const response = await request.get("/api/counts");
  expect(response.ok()).toBe(true);
  const counts = (await response.json()) as { data: Record<string, { total: number | null }> };
  const total = counts.data[modelKey]?.total;
  if (typeof total !== "number") throw new Error(`No exact count for ${modelKey}`);
  return total;
}

test.describe("generated records from the list page", () => {
  // Awards need authors (the demo has them); exchange rates have no id, only a compound unique key.
  for (const { key, nouns } of [
    { key: "award", nouns: "awards" },
    { key: "exchange-rate", nouns: "exchange rates" },
  ]) {
    test(`generates 50 ${nouns}: a bad count answered by its field, a preview, the records, then one revert`, async ({
      page,
      request,
    }) => {
      const before = await totalOf(request, key);
      const list = new ModelListPage(page, key);
      await list.goto();
      await page.getByRole("button", { name: "Generate…" }).click();
      const dialog = page.getByRole("dialog", { name: `Generate ${nouns}` });
      await expect(dialog).toBeVisible();

      const count = dialog.getByLabel(`Number of ${nouns}`);
      await count.fill("fifty");
      await dialog.getByRole("button", { name: "Generate", exact: true }).click();
      await expect(count).toHaveAttribute("aria-invalid", "true");
      await expect(dialog.getByText("Enter a whole number from 1 to 10,000")).toBeVisible();
      expect(await totalOf(request, key)).toBe(before);

      await count.fill("50");
      await dialog.getByLabel("Seed").fill("42");
      await dialog.getByRole("button", { name: "Preview" }).click();
      const preview = dialog.getByRole("table");
      await expect(preview.getByText("The first 5 rows that would be written")).toBeVisible();
      await expect(preview.getByRole("row")).toHaveCount(6);
      expect(await totalOf(request, key)).toBe(before);

      await dialog.getByRole("button", { name: "Generate", exact: true }).click();
      await expect(page.getByRole("status").getByText(new RegExp(`^Generated 50 ${nouns}`))).toBeVisible({
        timeout: 30_000,
      });
      await expect(dialog).toBeHidden();
      expect(await totalOf(request, key)).toBe(before + 50);
      // The list shows the new total without a reload.
      await expect(page.getByText(`${(before + 50).toLocaleString("en")} ${nouns}`)).toBeVisible();

      // The batch is one change in the history, and one revert takes all 50 away again.
      await page.goto(`/history?model=${key}`);
      const batch = page
        .locator(".history-entry")
        .filter({ has: page.getByRole("button", { name: "Created with 49 other records" }) });
      await expect(batch).toHaveCount(1);
      await batch.getByRole("button", { name: /^Revert:/ }).click();
      const revert = page.getByRole("dialog", { name: "Revert this change?" });
      await expect(revert).toContainText("the 49 other records created with it, all at once");
      await revert.getByRole("button", { name: "Revert", exact: true }).click();
      await expect(revert).toBeHidden();
      await expect.poll(() => totalOf(request, key)).toBe(before);
    });
  }
});
