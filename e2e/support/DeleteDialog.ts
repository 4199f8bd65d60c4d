import { expect, type Locator, type Page } from "@playwright/test";

/** The delete confirmation: the server's preview of what goes with the record, then Delete. */
export class DeleteDialog {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole("dialog", { name: /^Delete / });
  }

  get confirmButton(): Locator {
    return this.root.getByRole("button", { name: /^(Delete|Deleting)/ });
  }

  /** A preview section ("Also deleted", "Unlinked (set to empty)", "Blocking the delete"). */
  group(title: string): Locator {
    return this.root.locator("section").filter({ has: this.page.getByRole("heading", { name: title }) });
  }

  /** Waits for the preview, which comes before the delete can be confirmed. */
  async expectPreview(): Promise<void> {
    await expect(this.root.getByText(/This permanently deletes|cannot be deleted/)).toBeVisible();
  }

  async confirm(): Promise<void> {
    await this.expectPreview();
    await expect(this.confirmButton).toBeEnabled();
    await this.confirmButton.click();
    await expect(this.root).toBeHidden();
  }

  async cancel(): Promise<void> {
    await this.root.getByRole("button", { name: "Cancel" }).click();
    await expect(this.root).toBeHidden();
  }
}
