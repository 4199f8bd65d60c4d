import { isSecretFieldName } from "../packages/auth/src/isSecretFieldName.js";
import type { FieldMeta, ModelMeta } from "../packages/core/src/index.js";
import type { ApiRow } from "./support/AtriumApi.js";
import { expect, test } from "./support/fixtures.js";
import { RecordDetailPage } from "./support/RecordDetailPage.js";
import { demoMeta, isInUniqueConstraint, relationKeyFields } from "./support/schemaMeta.js";
import { type Samples, uniqueSuffix } from "./support/TestDataFactory.js";

/**
 * Stored XSS (issue 4, hardening): every writable string of every model holds a script payload, and every page
 * that shows it must show it as text. The CSP would block inline handlers anyway, so the test looks at the DOM
 * itself: an `onerror` attribute or a payload `<script>` element there means a string was rendered as HTML.
 */
type Page = import("@playwright/test").Page;

const payloads = [
  `<img src=x onerror="window.__xss=1;alert(1)">`,
  "<script>window.__xss=2</script>",
  "javascript:window.__xss=3",
  `"><svg onload=alert(1)>`,
] as const;

/**
 * String fields the admin writes and shows: not read-only, not a key edited through its relation, not hidden or
 * write-only (secret-named: the demo's Customer.apiToken is hidden, its Staff.passwordHash write-only).
 */
function payloadFields(model: ModelMeta): FieldMeta[] {
  const keys = relationKeyFields(model);
  return model.fields.filter(
    (field) =>
      field.kind === "scalar" &&
      (field.type === "String" || field.type === "Json") &&
      !field.isList &&
      !field.isReadOnly &&
      !keys.has(field.name) &&
      !isSecretFieldName(field.name),
  );
}

/** Payload number `index`, made unique when the field takes part in a unique constraint. */
function payloadFor(model: ModelMeta, field: FieldMeta, index: number): string | Record<string, unknown> {
  const text = payloads[index % payloads.length] ?? payloads[0];
  if (field.type === "Json") return { note: payloads[0], list: [payloads[1], payloads[2]], [payloads[3]]: 1 };
  return isInUniqueConstraint(model, field) ? `${text} ${uniqueSuffix()}` : text;
}

/** Watches one page for anything a payload could do if it ran; `check` fails the test on the first sign. */
function watch(page: Page) {
  const dialogs: string[] = [];
  const violations: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return async function check(where: string): Promise<void> {
    const found = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      handlers: [...document.querySelectorAll("[onerror], [onload]")].map((node) => node.outerHTML),
      scripts: [...document.querySelectorAll("script")]
        .filter((node) => node.textContent?.includes("__xss"))
        .map((node) => node.outerHTML),
      injected: [...document.querySelectorAll('img[src="x"], svg[onload]')].map((node) => node.outerHTML),
      unsafeLinks: [...document.querySelectorAll("a[href]")]
        .map((node) => node.getAttribute("href") ?? "")
        .filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
    }));
    expect(found, `${where}: a payload was rendered as HTML or ran`).toEqual({
      xss: undefined,
      handlers: [],
      scripts: [],
      injected: [],
      unsafeLinks: [],
    });
    expect(dialogs, `${where}: a dialog opened`).toEqual([]);
    expect(violations, `${where}: the browser blocked an inline script`).toEqual([]);
  };
}

test.describe("stored script and javascript: payloads are shown as text on every page", () => {
  test("the HTML page carries a strict Content-Security-Policy", async ({ page }) => {
    const response = await page.goto("/");
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  for (const model of demoMeta.models) {
    const fields = payloadFields(model);
    const strings = fields.filter((field) => field.type === "String");

    test(`${model.label}: list, search, detail, edit, delete dialog, history and home`, async ({
      page,
      factory,
    }) => {
      test.skip(fields.length === 0, `${model.labelPlural} have no writable string or JSON field`);
      const overrides: Samples = {};
      fields.forEach((field, index) => {
        overrides[field.name] = payloadFor(model, field, index) as Samples[string];
      });
      const row: ApiRow = await factory.create(model.key, overrides);
      const check = watch(page);
      const detail = new RecordDetailPage(page, model.key);

      const title = strings.find((field) => field.name === model.titleField) ?? strings[0];
      const searchable = title && model.searchFields.includes(title.name);
      const query = searchable ? String(row[title.name]) : "";
      await page.goto(`/m/${model.key}${query ? `?q=${encodeURIComponent(query)}` : ""}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(model.labelPlural);
      if (searchable) await expect(page.getByRole("table").getByText(query).first()).toBeVisible();
      await check(`${model.key} list`);

      await detail.goto(row.$id);
      for (const field of strings) {
        await expect(detail.value(field.name)).toHaveText(String(row[field.name]));
      }
      await check(`${model.key} detail`);

      const dialog = await detail.openDelete();
      await dialog.expectPreview();
      await check(`${model.key} delete dialog`);
      await dialog.cancel();

      await page.goto(`${detail.path(row.$id)}/edit`);
      await expect(page.getByRole("button", { name: "Save", exact: true })).toBeVisible();
      for (const field of strings) {
        await expect(page.getByLabel(field.label, { exact: true }).first()).toHaveValue(
          String(row[field.name]),
        );
      }
      await check(`${model.key} edit form`);

      await page.goto(`${detail.path(row.$id)}/history`);
      await expect(page.locator(".history-entry").first()).toBeVisible();
      await check(`${model.key} history tab`);

      await page.goto(`/history?model=${model.key}`);
      await expect(page.locator(".history-entry").first()).toBeVisible();
      await check(`${model.key} global history`);

      await page.goto("/");
      await expect(page.getByRole("region", { name: "Recent actions" })).toBeVisible();
      await check(`${model.key} home`);
    });
  }
});
