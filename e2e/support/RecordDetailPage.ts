import { expect, type Locator, type Page } from "@playwright/test";
import type { ModelMeta } from "../../packages/core/src/index.js";
import { DeleteDialog } from "./DeleteDialog.js";
import { escapeRegExp } from "./escapeRegExp.js";
import { fieldOf, modelByKey } from "./schemaMeta.js";

/** A record's page (`/m/{key}/{id}`): its fields as a definition list, Edit and Delete. */
export class RecordDetailPage {
  readonly model: ModelMeta;

  constructor(
    readonly page: Page,
    modelKey: string,
  ) {
    this.model = modelByKey(modelKey);
  }

  path(id: string): string {
    return `/m/${encodeURIComponent(this.model.key)}/${encodeURIComponent(id)}`;
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(this.path(id));
    await expect(this.fields).toBeVisible();
  }

  /** The `$id` of the record on screen, from the URL. */
  currentId(): string {
    const match = new URL(this.page.url()).pathname.match(/^\/m\/[^/]+\/([^/]+)$/);
    if (!match?.[1]) throw new Error(`Not on a record page: ${this.page.url()}`);
    return decodeURIComponent(match[1]);
  }

  /** Waits until the browser shows a record page of this model (after a save, say). */
  async expectOnRecordPage(): Promise<string> {
    await expect(this.page).toHaveURL(new RegExp(`/m/${this.model.key}/[^/]+$`));
    await expect(this.fields).toBeVisible();
    return this.currentId();
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get fields(): Locator {
    return this.page.getByRole("region", { name: "Fields" });
  }

  /** The shown value of one field (the definition next to its label). */
  value(name: string): Locator {
    const label = fieldOf(this.model, name).label;
    return this.fields
      .getByRole("term")
      .filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) })
      .locator("xpath=following-sibling::dd[1]");
  }

  async edit(): Promise<void> {
    await this.page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(this.page.getByRole("button", { name: "Save", exact: true })).toBeVisible();
  }

  async openDelete(): Promise<DeleteDialog> {
    await this.page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = new DeleteDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}
