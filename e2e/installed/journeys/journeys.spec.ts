import { expect, type Page, test } from "@playwright/test";
import { installedAccount } from "../prepareProject.js";
import { journeys } from "./journeySchemas.js";

function journey(name: string) {
  const found = journeys.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no journey ${name}`);
  return `http://127.0.0.1:${found.port}`;
}

/** Signs in through the login page, as docs/getting-started.md's last step says. */
async function signIn(page: Page): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(installedAccount.email);
  await page.getByLabel("Password").fill(installedAccount.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("navigation", { name: "Models" })).toBeVisible();
}

async function create(page: Page, modelKey: string, fill: () => Promise<void>): Promise<void> {
  await page.goto(`/m/${modelKey}/new`);
  await fill();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/m/${modelKey}/[^/]+$`));
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  const combobox = page.getByRole("combobox", { name: label, exact: true });
  await combobox.click();
  await combobox.fill(option);
  await page.getByRole("option", { name: option, exact: true }).first().click();
}

test.describe('MySQL with relationMode = "prisma" (no foreign keys)', () => {
  test.use({ baseURL: journey("mysql-relation-mode") });

  test("a writer and a post picked to them are created in the forms and listed", async ({ page }) => {
    await signIn(page);
    await create(page, "writer", () => page.getByLabel("Name", { exact: true }).fill("Ada Lovelace"));
    await create(page, "post", async () => {
      await page.getByLabel("Title", { exact: true }).fill("Notes on the engine");
      await pick(page, "Writer", "Ada Lovelace");
    });
    await expect(page.getByRole("link", { name: "Ada Lovelace" })).toBeVisible();
    await page.goto("/m/post");
    await expect(page.getByRole("row").filter({ hasText: "Notes on the engine" })).toContainText(
      "Ada Lovelace",
    );
  });
});

test.describe("PostgreSQL with the citext extension", () => {
  test.use({ baseURL: journey("postgres-citext") });

  test("a member's email is unique whatever its case, and found by a search in another case", async ({
    page,
  }) => {
    await signIn(page);
    await create(page, "member", async () => {
      await page.getByLabel("Email", { exact: true }).fill("Ada@Example.com");
      await page.getByLabel("Name", { exact: true }).fill("Ada");
    });
    await page.goto("/m/member/new");
    await page.getByLabel("Email", { exact: true }).fill("ada@example.COM");
    await page.getByLabel("Name", { exact: true }).fill("Ada again");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await page.goto("/m/member?q=ADA%40EXAMPLE.COM");
    await expect(page.getByRole("row").filter({ hasText: "Ada@Example.com" })).toBeVisible();
  });
});

test.describe("An auth library's models (NextAuth's shapes)", () => {
  test.use({ baseURL: journey("nextauth") });

  test("a user and a verification token, identified by two fields, are created and opened", async ({
    page,
  }) => {
    await signIn(page);
    await create(page, "user", () => page.getByLabel("Email", { exact: true }).fill("reader@example.com"));
    await create(page, "verification-token", async () => {
      await page.getByLabel("Identifier", { exact: true }).fill("reader@example.com");
      await page.getByLabel("Token", { exact: true }).fill("tok-123");
      await page.getByLabel("Expires", { exact: true }).fill("2027-01-01T10:00");
    });
    await expect(page.getByRole("main")).toContainText("tok-123");
    await page.goto("/m/verification-token");
    await expect(page.getByRole("row").filter({ hasText: "tok-123" })).toBeVisible();
  });
});
