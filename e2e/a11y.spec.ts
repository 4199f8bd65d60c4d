import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";

type Theme = "light" | "dark";

/** Serious and critical axe violations, each summarised with the elements it hits so a failure says where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
          .slice(0, 5)
          .map((node) => `  ${node.target.join(" ")}: ${node.failureSummary?.split("\n")[1] ?? ""}`)
          .join("\n")}`,
    );
}

async function openInTheme(page: Page, path: string, theme: Theme): Promise<void> {
  await page.addInitScript((choice) => localStorage.setItem("atrium:theme", choice), theme);
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
}

/** What the pages show, read from the API: the seed plan decides the demo's content, the tests do not. */
interface Shown {
  books: number;
  /** The title of book 1, the page the detail, edit and delete checks open. */
  firstTitle: string;
}

async function shown(request: APIRequestContext): Promise<Shown> {
  const counts = (await (await request.get("/api/counts")).json()) as { data: { book: { total: number } } };
  const book = (await (await request.get("/api/records/book/1")).json()) as { data: { title: string } };
  return { books: counts.data.book.total, firstTitle: book.data.title };
}

const pages: { name: string; path: string; ready: (page: Page, shown: Shown) => Promise<void> }[] = [
  {
    name: "home",
    path: "/",
    ready: async (page, { books }) => {
      await expect(
        page.getByRole("region", { name: "Models" }).getByRole("link", { name: /^Books/ }),
      ).toContainText(books.toLocaleString("en-US"));
    },
  },
  {
    name: "list with filters open",
    path: "/m/book?filter.inPrint.eq=true&sort=title",
    ready: async (page) => {
      await expect(page.locator('table[aria-busy="false"] tbody tr')).toHaveCount(25);
      await expect(page.getByRole("complementary", { name: "Filters" })).toBeVisible();
    },
  },
  {
    name: "detail",
    path: "/m/book/1",
    ready: async (page, { firstTitle }) => {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstTitle);
    },
  },
  {
    name: "edit",
    path: "/m/book/1/edit",
    ready: async (page, { firstTitle }) => {
      await expect(page.getByRole("textbox", { name: /^Title/ })).toHaveValue(firstTitle);
    },
  },
  {
    name: "create with a write-only field, value shown",
    path: "/m/staff/new",
    ready: async (page) => {
      const hash = page.getByLabel("Password hash", { exact: true });
      await hash.fill("scrypt$example");
      await page.getByRole("button", { name: "Show password hash" }).click();
      await expect(hash).toHaveAttribute("type", "text");
    },
  },
  {
    name: "edit with a write-only field, errors shown",
    path: "/m/staff/1/edit",
    ready: async (page) => {
      await expect(page.getByLabel("Password hash", { exact: true })).toHaveValue("");
      await page.getByRole("textbox", { name: "Name", exact: true }).fill("");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByText("This field is required.")).toBeVisible();
    },
  },
  {
    name: "delete dialog",
    path: "/m/book/1",
    ready: async (page) => {
      await page.getByRole("button", { name: "Delete" }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toBeVisible();
      // Wait for the preview: the dialog's final content is what must be accessible.
      await expect(dialog.locator(".skeleton")).toHaveCount(0);
    },
  },
];

for (const theme of ["light", "dark"] as const) {
  test.describe(`a11y (${theme} theme)`, () => {
    for (const { name, path, ready } of pages) {
      test(`${name}: no serious or critical axe violation`, async ({ page, request }) => {
        const content = await shown(request);
        await openInTheme(page, path, theme);
        await ready(page, content);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}
