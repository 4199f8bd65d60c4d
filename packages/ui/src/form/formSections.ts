import type { FieldMeta, FieldsetMeta, ModelMeta } from "@atrium/core";

/** One section of a form: a configured fieldset, or (without one) the untitled rest. */
export interface FormSectionSpec {
  fieldset?: FieldsetMeta;
  fields: FieldMeta[];
}

/**
 * The form's sections (`models.<Model>.form.fieldsets`) with the fields each shows, in the configured order.
 * Fields in no fieldset follow in a last, untitled section: leaving them out would make a required one
 * impossible to fill in. A fieldset whose fields are all hidden from the user, or absent in this mode (read-only
 * fields on create), is left out. Without fieldsets: one untitled section of every field, as before.
 */
export function formSections(model: ModelMeta, shown: readonly FieldMeta[]): FormSectionSpec[] {
  const fieldsets = model.admin?.form?.fieldsets ?? [];
  if (fieldsets.length === 0) return [{ fields: [...shown] }];
  const byName = new Map(shown.map((field) => [field.name, field]));
  const placed = new Set<string>();
  const sections: FormSectionSpec[] = [];
  for (const fieldset of fieldsets) {
    const fields = fieldset.fields.flatMap((name) => byName.get(name) ?? []);
    for (const field of fields) placed.add(field.name);
    if (fields.length > 0) sections.push({ fieldset, fields });
  }
  const rest = shown.filter((field) => !placed.has(field.name));
  if (rest.length > 0) sections.push({ fields: rest });
  return sections;
}
