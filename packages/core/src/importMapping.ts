/**
 * Which field each column of an imported file fills: suggested from the column names (a field's name or label,
 * spelled in any case, with or without spaces and underscores), adjusted by the user, then checked against what
 * they may write. A to-one relation column names the related record by its `$id` or by one of its unique fields
 * (`publisher.name`); a column of the model's id fields, or of another unique field, finds the record a row
 * updates (`match`).
 */
import { AtriumError } from "./errors.js";
import { exchangeFields } from "./exchangeCells.js";
import { inSentence } from "./inSentence.js";
import { type FieldMeta, findField, findModelByName, type ModelMeta, type SchemaMeta } from "./metadata.js";

/** One column of the file and what it fills; `field: null` leaves the column out. */
export interface ColumnMapping {
  column: string;
  field: string | null;
  /**
   * For a to-one relation field: how the column names the related record, `"$id"` (its id, as the API writes
   * it) or the name of one of its unique fields. @default "$id"
   */
  by?: string;
}

/** A column checked against the schema: a value of a scalar field, or a related record to look up. */
export type MappedColumn =
  | {
      kind: "value";
      column: string;
      field: FieldMeta /** Read-only id: used to match, never written. */;
      keyOnly: boolean;
    }
  | { kind: "relation"; column: string; field: FieldMeta; related: ModelMeta; by: FieldMeta | "$id" };

export interface ImportPlanShape {
  columns: MappedColumn[];
  /** The fields that find the record a row updates; empty: every row is created. */
  matchFields: FieldMeta[];
  /** `"$id"`, a unique field's name, or `"none"`, as the answer reports it. */
  match: string;
}

export interface MappingInput {
  /** The schema as the importing user sees it (relations' unique fields are looked up in it). */
  viewSchema: SchemaMeta;
  /** The model as the user may write it (write-only fields included). */
  model: ModelMeta;
  columns: readonly string[];
  mapping: readonly ColumnMapping[];
  /** @default "$id" when every id field has a column, else "none" */
  match?: string | undefined;
}

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Whether a column of this field may be imported: writable, or an id field (it finds the record). */
function importable(model: ModelMeta, field: FieldMeta): boolean {
  return !field.isReadOnly || model.idFields.includes(field.name);
}

function named(field: FieldMeta, wanted: string): boolean {
  return [field.name, field.label, field.dbName ?? ""].some((name) => normalize(name) === wanted);
}

/** Unique scalar fields of a related model a column may name its records by. */
function uniqueKeys(model: ModelMeta): FieldMeta[] {
  return exchangeFields(model).filter(
    (field) => field.isUnique || (field.isId && model.idFields.length === 1),
  );
}

/** The mapping a file's columns suggest: each column to the field its name or label spells, once. */
export function suggestMapping(
  viewSchema: SchemaMeta,
  model: ModelMeta,
  columns: readonly string[],
): ColumnMapping[] {
  const taken = new Set<string>();
  return columns.map((column): ColumnMapping => {
    const [head = "", tail] = column.split(/\.(.*)/s);
    const field = model.fields.find(
      (candidate) =>
        !taken.has(candidate.name) && named(candidate, normalize(tail === undefined ? column : head)),
    );
    if (!field) return { column, field: null };
    if (field.kind !== "relation") {
      if (tail !== undefined || !importable(model, field)) return { column, field: null };
      taken.add(field.name);
      return { column, field: field.name };
    }
    if (field.relation?.toMany || field.isReadOnly) return { column, field: null };
    const related = findModelByName(viewSchema, field.relation?.model ?? "");
    const by =
      tail === undefined
        ? undefined
        : related && uniqueKeys(related).find((key) => named(key, normalize(tail)));
    if (tail !== undefined && !by) return { column, field: null };
    taken.add(field.name);
    const isId = !by || (related?.idFields.length === 1 && related.idFields[0] === by.name);
    return { column, field: field.name, by: isId ? "$id" : (by?.name ?? "$id") };
  });
}

/** Checks a mapping; every problem is reported at once, keyed `mapping.<column>` or `match`. */
export function resolveMapping(input: MappingInput): ImportPlanShape {
  const { model, viewSchema } = input;
  const problems = new Map<string, string>();
  const known = new Set(input.columns);
  const used = new Map<string, string>();
  const columns: MappedColumn[] = [];
  for (const entry of input.mapping) {
    const key = `mapping.${entry.column}`;
    if (!known.has(entry.column)) {
      problems.set(key, `The file has no column '${entry.column}'`);
      continue;
    }
    if (entry.field === null) continue;
    const field = findField(model, entry.field);
    if (!field || field.type === "Unsupported" || field.relation?.toMany) {
      problems.set(key, `${model.label} has no field '${entry.field}' an import can fill`);
      continue;
    }
    const earlier = used.get(field.name);
    if (earlier !== undefined) {
      problems.set(key, `'${field.label}' is already filled from the column '${earlier}'`);
      continue;
    }
    used.set(field.name, entry.column);
    if (!importable(model, field)) {
      problems.set(key, `'${field.label}' is read-only; leave the column out`);
      continue;
    }
    if (field.kind !== "relation") {
      columns.push({ kind: "value", column: entry.column, field, keyOnly: field.isReadOnly });
      continue;
    }
    const related = findModelByName(viewSchema, field.relation?.model ?? "");
    if (!related) {
      problems.set(key, `'${field.label}' cannot be imported`);
      continue;
    }
    const byName = entry.by ?? "$id";
    const by = byName === "$id" ? "$id" : uniqueKeys(related).find((candidate) => candidate.name === byName);
    if (!by) {
      const offered = ["$id", ...uniqueKeys(related).map((candidate) => candidate.name)].join(", ");
      problems.set(key, `${related.labelPlural} are found by one of: ${offered}; '${byName}' is not one`);
      continue;
    }
    columns.push({ kind: "relation", column: entry.column, field, related, by });
  }
  const match = resolveMatch(model, columns, input.match, problems);
  if (problems.size > 0) {
    const first = [...problems.values()][0];
    throw new AtriumError("bad_request", `The column mapping cannot be used: ${first}`, {
      fields: Object.fromEntries(problems),
    });
  }
  return match;
}

function resolveMatch(
  model: ModelMeta,
  columns: MappedColumn[],
  wanted: string | undefined,
  problems: Map<string, string>,
): ImportPlanShape {
  const mapped = new Map(
    columns.flatMap((column) =>
      column.kind === "value" ? [[column.field.name, column.field] as const] : [],
    ),
  );
  const ids = model.idFields.map((name) => mapped.get(name));
  const allIds = ids.every((field) => field !== undefined);
  const choice = wanted ?? (allIds ? "$id" : "none");
  if (choice === "none") return { columns, matchFields: [], match: "none" };
  if (choice === "$id") {
    if (allIds) return { columns, matchFields: ids as FieldMeta[], match: "$id" };
    problems.set("match", `Matching by id needs a column for ${model.idFields.join(", ")}`);
    return { columns, matchFields: [], match: choice };
  }
  const field = mapped.get(choice);
  if (!field?.isUnique) {
    problems.set(
      "match",
      field
        ? `'${field.label}' is not unique, so it cannot tell which ${inSentence(model.label)} a row updates`
        : `Matching by '${choice}' needs a column mapped to it`,
    );
    return { columns, matchFields: [], match: choice };
  }
  return { columns, matchFields: [field], match: choice };
}
