import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { installedAccount, projectDir, repoRoot } from "./prepareProject.js";

test("the project's page, route, widget and slot work in the installed admin, and share its data", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(installedAccount.email);
  await page.getByLabel("Password").fill(installedAccount.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("navigation", { name: "Models" })).toBeVisible();

  // Data through the admin's API, as the signed-in owner.
  const supplier = await page.request.post("/api/records/supplier", { data: { name: "Acme" } });
  expect(supplier.status()).toBe(201);
  const supplierId = ((await supplier.json()) as { data: { $id: string } }).data.$id;
  for (const [name, stock] of [
    ["Anvil", 2],
    ["Rope", 40],
  ] as const) {
    const created = await page.request.post("/api/records/product", {
      data: { name, stock, supplier: supplierId },
    });
    expect(created.status(), await created.text()).toBe(201);
  }

  // The project's page, and nothing of Atrium's own demo.
  await expect(page.getByRole("link", { name: "Sales overview" })).toHaveCount(0);
  // The page, from the sidebar, shows what the project's route answers.
  await page.getByRole("navigation", { name: "Models" }).getByRole("link", { name: "Restock" }).click();
  await expect(page.getByTestId("low-stock")).toHaveText("1 low on stock");
  await page.getByRole("button", { name: "Restock Anvil" }).click();
  await expect(page.getByTestId("low-stock")).toHaveText("0 low on stock");

  // The generated list shows the page's edit, through the project's cell widget.
  await page.getByRole("navigation", { name: "Models" }).getByRole("link", { name: "Products" }).click();
  const anvil = page.getByRole("row").filter({ hasText: "Anvil" });
  await expect(anvil.getByTestId("stock-cell")).toHaveText("100 in stock");

  // The project's slot on the record page.
  await anvil.getByRole("link").first().click();
  await expect(page.getByTestId("supplier-panel")).toHaveText("Supplied by Acme");
});

test("the project's config is typed by its schema: a misspelled field fails tsc", () => {
  const tsc = join(repoRoot, "node_modules/.bin/tsc");
  const config = join(projectDir, "atrium.config.ts");
  execFileSync(tsc, ["-p", projectDir], { encoding: "utf8" });
  const original = readFileSync(config, "utf8");
  try {
    writeFileSync(config, original.replace('"Product.stock"', '"Product.sotck"'));
    let output = "";
    try {
      execFileSync(tsc, ["-p", projectDir], { encoding: "utf8" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toContain("Product.sotck");
  } finally {
    writeFileSync(config, original);
  }
});
