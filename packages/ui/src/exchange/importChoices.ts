/**
 * What the Import dialog offers: the fields a column may fill (writable fields, the id that finds a record, each
 * to-one relation by its id or by a unique field of the related model) and the fields rows may be matched by.
 * Mirrors what the server accepts (core's resolveMapping); the server has the last word.
 */
import type { ImportColumnMapping } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";

export interface FieldChoice {
  /** The `<option>` value: `field`, or `field@by` for a relation. */
  value: string;
  label: string;
  field: string;
  by?: string;
}

export function choiceValue(entry: Pick<ImportColumnMapping, "field" | "by">): string {
  if (entry.field === null) return "";
  return entry.by === undefined ? entry.field : `${entry.field}@${entry.by}`;
}

export function mappingFromChoice(column: string, value: string): ImportColumnMapping {
  if (value === "") return { column, field: null };
  const [field = "", by] = value.split("@");
  return by === undefined ? { column, field } : { column, field, by };
}

function uniqueKeys(model: ModelMeta): FieldMeta[] {
  return model.fields.filter(
    (field) =>
      field.kind !== "relation" &&
      field.type !== "Unsupported" &&
      (field.isUnique || (field.isId && model.idFields.length === 1)),
  );
}

export function importFieldChoices(model: ModelMeta, models: readonly ModelMeta[]): FieldChoice[] {
  const choices: FieldChoice[] = [];
  for (const field of [...model.fields, ...(model.writeOnlyFields ?? [])]) {
    if (field.kind !== "relation") {
      const importable = !field.isReadOnly || model.idFields.includes(field.name);
      if (importable && field.type !== "Unsupported") {
        choices.push({ value: field.name, label: field.label, field: field.name });
      }
      continue;
    }
    if (field.relation?.toMany || field.isReadOnly) continue;
    const related = models.find((candidate) => candidate.name === field.relation?.model);
    choices.push({
      value: `${field.name}@$id`,
      label: `${field.label} (by id)`,
      field: field.name,
      by: "$id",
    });
    for (const key of related ? uniqueKeys(related) : []) {
      if (related?.idFields.length === 1 && related.idFields[0] === key.name) continue;
      choices.push({
        value: `${field.name}@${key.name}`,
        label: `${field.label} by ${inSentence(key.label)}`,
        field: field.name,
        by: key.name,
      });
    }
  }
  return choices;
}

/** How rows may find the record they update, given what the mapping fills. */
export function matchChoices(model: ModelMeta, mapping: readonly ImportColumnMapping[]): FieldChoice[] {
  const mapped = new Set(mapping.flatMap((entry) => (entry.field && !entry.by ? [entry.field] : [])));
  const choices: FieldChoice[] = [];
  if (model.idFields.every((name) => mapped.has(name))) {
    choices.push({ value: "$id", label: "ID", field: "$id" });
  }
  for (const field of model.fields) {
    if (field.isUnique && !model.idFields.includes(field.name) && mapped.has(field.name)) {
      choices.push({ value: field.name, label: field.label, field: field.name });
    }
  }
  choices.push({ value: "none", label: "Nothing: create every row", field: "none" });
  return choices;
}

/** The format a file's name says, or undefined when it says none. */
export function formatOfFile(name: string): "csv" | "json" | "ndjson" | undefined {
  const extension = name.toLowerCase().split(".").pop();
  if (extension === "csv") return "csv";
  if (extension === "json") return "json";
  if (extension === "ndjson" || extension === "jsonl") return "ndjson";
  return undefined;
}
