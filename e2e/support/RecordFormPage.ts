import { expect, type Locator, type Page } from "@playwright/test";
import type { FieldMeta, ModelMeta } from "../../packages/core/src/index.js";
import type { RecordRef } from "./AtriumApi.js";
import { escapeRegExp } from "./escapeRegExp.js";
import { fieldOf, modelByKey } from "./schemaMeta.js";
import type { SampleValue } from "./TestDataFactory.js";

/** The create and edit forms of one model; every control is found by its field's label. */
export class RecordFormPage {
  readonly model: ModelMeta;

  constructor(
    readonly page: Page,
    modelKey: string,
  ) {
    this.model = modelByKey(modelKey);
  }

  async gotoCreate(query = ""): Promise<void> {
    await this.page.goto(`/m/${this.model.key}/new${query}`);
    await expect(this.heading).toBeVisible();
  }

  async gotoEdit(id: string): Promise<void> {
    await this.page.goto(`/m/${this.model.key}/${encodeURIComponent(id)}/edit`);
    await expect(this.saveButton).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get saveButton(): Locator {
    return this.page.getByRole("button", { name: "Save", exact: true });
  }

  field(name: string): FieldMeta {
    return fieldOf(this.model, name);
  }

  /** The input, select, checkbox or combobox of a field, by its label. */
  control(name: string): Locator {
    const field = this.field(name);
    if (field.kind === "relation") return this.page.getByRole("combobox", { name: field.label, exact: true });
    return this.page.getByLabel(field.label, { exact: true });
  }

  /** The show/hide toggle of a write-only field's password input. */
  revealToggle(name: string): Locator {
    return this.page.getByRole("button", {
      name: `Show ${this.field(name).label.toLowerCase()}`,
      exact: true,
    });
  }

  /**
   * Everything the page holds: its markup (text and attributes) plus the current values of its inputs (a typed
   * value is not in the markup), to prove a value is shown nowhere.
   */
  async everythingOnPage(): Promise<string> {
    return this.page.evaluate(() =>
      [
        document.documentElement.outerHTML,
        ...[...document.querySelectorAll("input, textarea, select")].map(
          (element) => (element as HTMLInputElement).value,
        ),
      ].join("\n"),
    );
  }

  /** Sets a field with the control its type gets (write-only ones: their password input); relations are picked. */
  async fill(name: string, value: SampleValue): Promise<void> {
    const field = this.field(name);
    const control = this.control(name);
    if (field.kind === "relation") {
      if (value === null) throw new Error("clear a relation with removeRelation()");
      await this.pickRelation(name, value as RecordRef);
    } else if (field.kind === "enum") {
      await control.selectOption(String(value));
    } else if (field.type === "Boolean") {
      if (field.isRequired) await control.setChecked(value === true);
      else await control.selectOption(value === null ? "" : String(value));
    } else if (field.type === "DateTime") {
      // The input takes local wall time; the sample's digits are used as such.
      await control.fill(
        field.nativeType?.[0] === "Date" ? String(value).slice(0, 10) : String(value).slice(0, 19),
      );
    } else if (field.type === "Json") {
      await control.fill(JSON.stringify(value));
    } else if (field.type === "Bytes") {
      await control.setInputFiles({
        name: `${field.name}.bin`,
        mimeType: "application/octet-stream",
        buffer: Buffer.from(String(value), "base64"),
      });
    } else {
      await control.fill(String(value));
    }
  }

  async fillAll(values: Record<string, SampleValue>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await this.fill(name, value);
  }

  /** Types the related record's label into the autocomplete and chooses it. */
  async pickRelation(name: string, ref: RecordRef, search = ref.search ?? ref.$label): Promise<void> {
    const combobox = this.control(name);
    await combobox.click();
    await combobox.fill(search);
    const option = this.page.getByRole("option", { name: ref.$label, exact: true }).first();
    await expect(option).toBeVisible();
    await option.click();
    await expect(this.chip(ref.$label)).toBeVisible();
  }

  /** A picked record shown in a relation picker (its remove button names it). */
  chip(label: string): Locator {
    return this.page.getByRole("button", { name: `Remove ${label}`, exact: true });
  }

  async removeRelation(label: string): Promise<void> {
    await this.chip(label).click();
    await expect(this.chip(label)).toHaveCount(0);
  }

  /** The message shown next to a field (the control's accessible description carries it). */
  async expectFieldError(name: string, message: string | RegExp): Promise<void> {
    const control = this.control(name);
    await expect(control).toHaveAttribute("aria-invalid", "true");
    await expect(control).toHaveAccessibleDescription(
      typeof message === "string" ? new RegExp(escapeRegExp(message)) : message,
    );
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  async saveAndContinue(): Promise<void> {
    await this.page.getByRole("button", { name: "Save and continue editing" }).click();
  }

  async saveAndAddAnother(): Promise<void> {
    await this.page.getByRole("button", { name: "Save and add another" }).click();
  }

  /** The confirmation that survives the navigation after a save. */
  toast(text: string | RegExp): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }

  get unsavedChangesDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Discard unsaved changes?" });
  }
}
