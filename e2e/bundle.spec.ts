import { resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { budgetBytes, gzipSize, measureBundle } from "../scripts/measure-bundle.js";

test("the first visit (home, then the books list) loads at most 170 KB of gzipped JavaScript", async ({
  page,
}) => {
  const loaded = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (!url.pathname.endsWith(".js")) return;
    // The demo server sends files uncompressed; gzip them as a compressing server or CDN would send them.
    pending.push(
      response.body().then((body) => {
        loaded.set(url.pathname.replace(/^\//, ""), gzipSize(body));
      }),
    );
  });
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Models" }).getByRole("link").first()).toBeVisible();
  await page.getByRole("navigation", { name: "Models" }).getByRole("link", { name: "Books" }).click();
  await expect(page.locator('table[aria-busy="false"] tbody tr')).toHaveCount(25);
  await Promise.all(pending);

  const total = [...loaded.values()].reduce((sum, size) => sum + size, 0);
  const table = [...loaded].map(([file, size]) => `${file}: ${(size / 1024).toFixed(1)} KB`).join("\n");
  test.info().annotations.push({ type: "bundle", description: `${(total / 1024).toFixed(1)} KB gzipped` });
  expect(total, `JavaScript loaded:\n${table}`).toBeLessThanOrEqual(budgetBytes);

  // The build-time measure (scripts/measure-bundle.ts) must count exactly what the browser fetched.
  const report = measureBundle(resolve(".atrium/build/web"));
  expect([...loaded.keys()].sort()).toEqual(report.files.map((file) => file.file).sort());
  expect(total).toBe(report.totalGzipBytes);
});
