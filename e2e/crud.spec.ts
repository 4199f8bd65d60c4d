import demoConfig from "../atrium.config.js";
import type { FieldMeta, ModelMeta } from "../packages/core/src/index.js";
import type { RecordRef } from "./support/AtriumApi.js";
import { expect, test } from "./support/fixtures.js";
import { ModelListPage } from "./support/ModelListPage.js";
import { RecordDetailPage } from "./support/RecordDetailPage.js";
import { RecordFormPage } from "./support/RecordFormPage.js";
import { demoMeta, isInUniqueConstraint, relationKeyFields, writeOnlyNames } from "./support/schemaMeta.js";
import type { SampleValue } from "./support/TestDataFactory.js";
import { uniqueSuffix } from "./support/TestDataFactory.js";

/** Fields the demo shows through a cell widget of its own (atrium.config.ts): the widget decides their text. */
const widgetCells = new Set(
  (demoConfig.widgets ?? []).flatMap((widget) =>
    widget.kind === "cell" && widget.model ? [`${widget.model}.${widget.field}`] : [],
  ),
);

/** The text the detail page shows for a value, for the types whose display is not locale-formatted. */
function shownText(field: FieldMeta, value: SampleValue): string | undefined {
  if (field.kind === "relation") return (value as RecordRef).$label;
  if (field.kind === "enum") return String(value);
  if (field.type === "String") return String(value);
  if (field.type === "Int" && typeof value === "number" && Math.abs(value) < 1000) return String(value);
  return undefined;
}

/**
 * A field an edit can change without touching the record's identity: text first (a unique one is fine,
 * the new text is unique too), then a small number outside unique constraints. Never a write-only field:
 * the detail page could not show the new value.
 */
function editableField(model: ModelMeta, writeOnly: Set<string>): FieldMeta {
  const keys = relationKeyFields(model);
  const candidates = model.fields.filter(
    (field) =>
      field.kind === "scalar" &&
      !field.isReadOnly &&
      !field.isList &&
      !keys.has(field.name) &&
      !writeOnly.has(field.name) &&
      !model.idFields.includes(field.name),
  );
  const free = candidates.filter((field) => !isInUniqueConstraint(model, field));
  const field =
    free.find((candidate) => candidate.type === "String") ??
    candidates.find((candidate) => candidate.type === "String") ??
    free.find((candidate) => candidate.type === "Int");
  if (!field) throw new Error(`${model.name} has no text or whole-number field to edit`);
  return field;
}

test.describe("CRUD through the generated UI, for every model of the schema", () => {
  for (const model of demoMeta.models) {
    test(`${model.label}: create, view, edit and delete`, async ({ page, factory, api }) => {
      // Related records are made fresh so the picker finds each by a label nobody else has. Write-only fields
      // (the demo's Staff.passwordHash) are typed into the form like the others, and then never shown.
      const samples = await factory.samples(model.key, { freshRelations: true });
      const writeOnly = writeOnlyNames(await factory.model(model.key));
      const form = new RecordFormPage(page, model.key);
      const detail = new RecordDetailPage(page, model.key);

      await form.gotoCreate();
      await expect(form.heading).toHaveText(`New ${model.label.toLowerCase()}`);
      await form.fillAll(samples);
      await form.save();
      const id = await detail.expectOnRecordPage();
      factory.track(model.key, id);
      for (const [name, value] of Object.entries(samples)) {
        const text = widgetCells.has(`${model.name}.${name}`)
          ? undefined
          : shownText(form.field(name), value);
        if (writeOnly.has(name)) expect(await form.everythingOnPage()).not.toContain(String(value));
        else if (text !== undefined) await expect(detail.value(name)).toHaveText(text);
      }

      const edited = editableField(model, writeOnly);
      const newValue = edited.type === "String" ? `Edited ${uniqueSuffix()}` : 42;
      await detail.edit();
      await form.fill(edited.name, newValue);
      await form.save();
      await expect(form.toast("Saved “")).toBeVisible();
      expect(await detail.expectOnRecordPage()).toBe(id);
      await expect(detail.value(edited.name)).toHaveText(String(newValue));

      const dialog = await detail.openDelete();
      await expect(dialog.root.getByText("This permanently deletes")).toBeVisible();
      await dialog.confirm();
      await new ModelListPage(page, model.key).expectOnList();
      await expect(page.getByRole("status").filter({ hasText: "Deleted" })).toBeVisible();
      await api.expectGone(model.key, id);
      await detail.page.goto(detail.path(id));
      await expect(page.getByRole("alert")).toContainText(`Could not load this ${model.label.toLowerCase()}`);
    });
  }
});
