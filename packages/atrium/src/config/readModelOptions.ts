/**
 * The shape half of the `models` checks: every value has the type its option takes (atrium.E101, E103, E104)
 * and every model exists (E102). What passes comes out typed as `ModelOptionsInput`; whether the fields it names
 * exist and suit their option is checkModelFields.ts's half.
 */
import {
  type ComputedColumnMeta,
  closestMatch,
  type FieldsetMeta,
  type ModelMeta,
  type SchemaMeta,
} from "@atrium/core";
import { type ConfigCheck, didYouMean } from "./configCheck.js";

/** Largest page size the API serves (the server's `maxPerPage`). */
export const maxPerPage = 200;

/** One model's options after the shape checks: only what had the right type. */
export interface ModelOptionsInput {
  label?: string;
  pluralLabel?: string;
  fieldLabels?: Record<string, string>;
  titleField?: string;
  hidden?: boolean;
  viewOnSite?: string;
  actions?: { add?: boolean; change?: boolean; delete?: boolean };
  list?: {
    columns?: string[];
    search?: string[];
    filters?: string[];
    ordering?: string[];
    perPage?: number;
    perPageChoices?: number[];
    dateHierarchy?: string;
    editable?: string[];
    /** Filled in by readComputedColumns.ts, which checks `list.computed`. */
    computed?: ComputedColumnMeta[];
  };
  form?: {
    readOnly?: string[];
    fieldsets?: FieldsetMeta[];
    help?: Record<string, string>;
    placeholder?: Record<string, string>;
  };
}

const modelKeys = [
  "label",
  "pluralLabel",
  "fieldLabels",
  "titleField",
  "list",
  "form",
  "hidden",
  "viewOnSite",
  "actions",
  // Read by readActionOptions.ts.
  "bulkActions",
  "recordActions",
  // Read by readInlineOptions.ts.
  "inlines",
];
// `computed` is read by readComputedColumns.ts.
const listKeys = [
  "columns",
  "search",
  "filters",
  "ordering",
  "perPage",
  "perPageChoices",
  "dateHierarchy",
  "editable",
  "computed",
];
const formKeys = ["readOnly", "fieldsets", "help", "placeholder"];
const actionKeys = ["add", "change", "delete"];
const fieldsetKeys = ["title", "description", "collapsed", "fields"];

type Record_ = Record<string, unknown>;

/** Reads `models`, collecting every shape problem; a model whose options are unusable is left out. */
export function readModelOptions(
  models: unknown,
  schema: SchemaMeta,
): { checks: ConfigCheck[]; options: Map<ModelMeta, ModelOptionsInput> } {
  const checks: ConfigCheck[] = [];
  const options = new Map<ModelMeta, ModelOptionsInput>();
  const reader = new ShapeReader(checks);
  if (models === undefined) return { checks, options };
  const entries = reader.object("models", models, undefined, `{ Book: { list: { columns: ["title"] } } }`);
  for (const [name, raw] of Object.entries(entries ?? {})) {
    const model = schema.models.find((candidate) => candidate.name === name);
    if (!model) {
      const hint = closestMatch(
        name,
        schema.models.map((candidate) => candidate.name),
      );
      checks.push({
        code: "atrium.E102",
        message: `models.${name}: '${name}' is not a model of the schema${didYouMean(hint)}`,
      });
      continue;
    }
    const input = readModel(reader, `models.${name}`, raw);
    if (input) options.set(model, input);
  }
  return { checks, options };
}

function readModel(reader: ShapeReader, path: string, raw: unknown): ModelOptionsInput | undefined {
  const value = reader.object(path, raw, modelKeys);
  if (!value) return undefined;
  const input: ModelOptionsInput = {};
  const label = reader.text(`${path}.label`, value.label);
  if (label !== undefined) input.label = label;
  const pluralLabel = reader.text(`${path}.pluralLabel`, value.pluralLabel);
  if (pluralLabel !== undefined) input.pluralLabel = pluralLabel;
  const fieldLabels = readTexts(reader, `${path}.fieldLabels`, value.fieldLabels);
  if (fieldLabels) input.fieldLabels = fieldLabels;
  const titleField = reader.text(`${path}.titleField`, value.titleField);
  if (titleField !== undefined) input.titleField = titleField;
  const hidden = reader.boolean(`${path}.hidden`, value.hidden);
  if (hidden !== undefined) input.hidden = hidden;
  const viewOnSite = reader.text(`${path}.viewOnSite`, value.viewOnSite);
  if (viewOnSite !== undefined) input.viewOnSite = viewOnSite;
  const actions = reader.object(`${path}.actions`, value.actions, actionKeys);
  if (actions) {
    input.actions = {};
    for (const action of ["add", "change", "delete"] as const) {
      const flag = reader.boolean(`${path}.actions.${action}`, actions[action]);
      if (flag !== undefined) input.actions[action] = flag;
    }
  }
  const list = reader.object(`${path}.list`, value.list, listKeys);
  if (list) input.list = readList(reader, `${path}.list`, list);
  const form = reader.object(`${path}.form`, value.form, formKeys);
  if (form) input.form = readForm(reader, `${path}.form`, form);
  return input;
}

function readList(reader: ShapeReader, path: string, list: Record_): NonNullable<ModelOptionsInput["list"]> {
  const input: NonNullable<ModelOptionsInput["list"]> = {};
  for (const key of ["columns", "search", "filters", "editable"] as const) {
    const names = reader.names(`${path}.${key}`, list[key]);
    if (names) input[key] = names;
  }
  // One entry may be written without the list around it: `ordering: "-placedAt"`.
  const ordering = typeof list.ordering === "string" ? [list.ordering] : list.ordering;
  const tokens = reader.names(`${path}.ordering`, ordering);
  if (tokens) input.ordering = tokens;
  const perPage = reader.pageSize(`${path}.perPage`, list.perPage);
  if (perPage !== undefined) input.perPage = perPage;
  const dateHierarchy = reader.text(`${path}.dateHierarchy`, list.dateHierarchy);
  if (dateHierarchy !== undefined) input.dateHierarchy = dateHierarchy;
  const choices = list.perPageChoices;
  if (choices !== undefined) {
    if (!Array.isArray(choices) || choices.length === 0) {
      reader.wrongType(
        `${path}.perPageChoices`,
        "a non-empty list of page sizes, e.g. [20, 50, 100]",
        choices,
      );
    } else {
      const sizes = choices.map((size, index) => reader.pageSize(`${path}.perPageChoices[${index}]`, size));
      if (sizes.every((size) => size !== undefined)) input.perPageChoices = sizes as number[];
    }
  }
  return input;
}

/** A text per field name (`{ title: "..." }`): the texts that are non-empty text, each other one reported. */
function readTexts(reader: ShapeReader, path: string, raw: unknown): Record<string, string> | undefined {
  const texts = reader.object(path, raw, undefined, `{ title: "..." }`);
  if (!texts) return undefined;
  const checked: Record<string, string> = {};
  for (const [field, text] of Object.entries(texts)) {
    const value = reader.text(`${path}.${field}`, text);
    if (value !== undefined) checked[field] = value;
  }
  return checked;
}

function readForm(reader: ShapeReader, path: string, form: Record_): NonNullable<ModelOptionsInput["form"]> {
  const input: NonNullable<ModelOptionsInput["form"]> = {};
  const readOnly = reader.names(`${path}.readOnly`, form.readOnly);
  if (readOnly) input.readOnly = readOnly;
  for (const key of ["help", "placeholder"] as const) {
    const texts = readTexts(reader, `${path}.${key}`, form[key]);
    if (texts) input[key] = texts;
  }
  const fieldsets = form.fieldsets;
  if (fieldsets === undefined) return input;
  if (!Array.isArray(fieldsets)) {
    reader.wrongType(`${path}.fieldsets`, `a list of { title, fields: [...] }`, fieldsets);
    return input;
  }
  input.fieldsets = fieldsets.flatMap((raw, index) => {
    const where = `${path}.fieldsets[${index}]`;
    const fieldset = reader.object(where, raw, fieldsetKeys);
    if (!fieldset) return [];
    const title = reader.text(`${where}.title`, fieldset.title, true);
    const fields = reader.names(`${where}.fields`, fieldset.fields, true);
    const description = reader.text(`${where}.description`, fieldset.description);
    const collapsed = reader.boolean(`${where}.collapsed`, fieldset.collapsed);
    if (title === undefined || fields === undefined) return [];
    const checked: FieldsetMeta = { title, fields };
    if (description !== undefined) checked.description = description;
    if (collapsed) checked.collapsed = true;
    return [checked];
  });
  return input;
}

/** Type checks that record a problem and answer undefined when a value does not fit. */
class ShapeReader {
  constructor(private readonly checks: ConfigCheck[]) {}

  wrongType(path: string, expected: string, value: unknown): void {
    const shown = JSON.stringify(value) ?? String(value);
    const got = shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
    this.checks.push({ code: "atrium.E104", message: `${path}: expected ${expected}, got ${got}.` });
  }

  /** An object; with `keys`, one that has no other keys (atrium.E103 names each unknown one). */
  object(path: string, value: unknown, keys?: string[], example = "an object"): Record_ | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      const shown = JSON.stringify(value) ?? String(value);
      this.checks.push({
        code: "atrium.E101",
        message: `${path}: expected an object${example === "an object" ? "" : ` such as ${example}`}, got ${shown.slice(0, 40)}.`,
      });
      return undefined;
    }
    const record = value as Record_;
    if (!keys) return record;
    for (const key of Object.keys(record)) {
      if (keys.includes(key)) continue;
      const hint = closestMatch(key, keys);
      const known = hint ? "" : ` Options here: ${keys.join(", ")}.`;
      this.checks.push({
        code: "atrium.E103",
        message: `${path}.${key}: unknown option '${key}'${didYouMean(hint)}${known}`,
      });
    }
    return record;
  }

  text(path: string, value: unknown, required = false): string | undefined {
    if (value === undefined && !required) return undefined;
    if (typeof value === "string" && value.trim() !== "") return value;
    this.wrongType(path, "a non-empty text", value);
    return undefined;
  }

  boolean(path: string, value: unknown): boolean | undefined {
    if (value === undefined || typeof value === "boolean") return value;
    this.wrongType(path, "true or false", value);
    return undefined;
  }

  /** A list of field names (or sort tokens, search paths). */
  names(path: string, value: unknown, required = false): string[] | undefined {
    if (value === undefined && !required) return undefined;
    if (Array.isArray(value) && value.every((name) => typeof name === "string" && name !== "")) {
      return value as string[];
    }
    this.wrongType(path, `a list of field names, e.g. ["title"]`, value);
    return undefined;
  }

  pageSize(path: string, value: unknown): number | undefined {
    if (value === undefined) return undefined;
    if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= maxPerPage) {
      return value as number;
    }
    this.wrongType(path, `a whole number of rows from 1 to ${maxPerPage}`, value);
    return undefined;
  }
}
