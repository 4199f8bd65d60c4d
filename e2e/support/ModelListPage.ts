import { expect, type Locator, type Page } from "@playwright/test";
import type { ModelMeta } from "../../packages/core/src/index.js";
import { DeleteDialog } from "./DeleteDialog.js";
import { modelByKey } from "./schemaMeta.js";

/** A model's list (`/m/{key}`): table, search, selection and bulk delete. */
export class ModelListPage {
  readonly model: ModelMeta;

  constructor(
    readonly page: Page,
    modelKey: string,
  ) {
    this.model = modelByKey(modelKey);
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/m/${this.model.key}${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: this.model.labelPlural })).toBeVisible();
  }

  async expectOnList(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/m/${this.model.key}(\\?.*)?$`));
    await expect(this.page.getByRole("heading", { level: 1, name: this.model.labelPlural })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: this.model.labelPlural });
  }

  /** The row whose title link reads `label`. */
  row(label: string): Locator {
    return this.table
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name: label, exact: true }) });
  }

  async select(label: string): Promise<void> {
    await this.page.getByRole("checkbox", { name: `Select ${label}`, exact: true }).check();
  }

  async openBulkDelete(): Promise<DeleteDialog> {
    await this.page
      .getByRole("region", { name: "Selection" })
      .getByRole("button", { name: "Delete selected" })
      .click();
    const dialog = new DeleteDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}
