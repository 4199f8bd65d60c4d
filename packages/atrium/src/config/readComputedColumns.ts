/**
 * Start-up checks of `models.<Model>.list.computed` (codes atrium.E110–E115, docs/checks.md), and the columns as
 * the server computes them: their metadata (sent to the UI) apart from the `value` functions (kept on the server).
 */
import {
  type ComputedAggregate,
  type ComputedColumnMeta,
  closestMatch,
  type FieldMeta,
  findModelByName,
  type ModelMeta,
  type SchemaMeta,
  wordsOf,
} from "@atrium/core";
import { type ConfigCheck, didYouMean } from "./configCheck.js";
import type { ComputedRow } from "./modelOptions.js";

/** A `value` function as the server calls it. */
export type ComputedValueFunction = (row: ComputedRow) => unknown;

export interface ComputedColumnsRead {
  checks: ConfigCheck[];
  columns: ComputedColumnMeta[];
  values: Map<string, ComputedValueFunction>;
}

const aggregates: readonly ComputedAggregate[] = ["count", "sum", "average", "min", "max"];
const kinds = [...aggregates, "value"] as const;
const numericTypes = new Set(["Int", "BigInt", "Float", "Decimal"]);
const namePattern = /^[A-Za-z][A-Za-z0-9_]*$/;

/** `raw` is the value of `list.computed`; `path` is `models.<Model>.list.computed`. */
export function readComputedColumns(
  schema: SchemaMeta,
  model: ModelMeta,
  path: string,
  raw: unknown,
): ComputedColumnsRead {
  const read: ComputedColumnsRead = { checks: [], columns: [], values: new Map() };
  if (raw === undefined) return read;
  if (!isObject(raw)) {
    read.checks.push(
      check(
        "E110",
        path,
        `expected an object of columns such as { reviewCount: { count: "reviews" } }, got ${shown(raw)}.`,
      ),
    );
    return read;
  }
  for (const [name, entry] of Object.entries(raw)) {
    const column = readColumn(read, schema, model, `${path}.${name}`, name, entry);
    if (column) read.columns.push(column);
  }
  return read;
}

function readColumn(
  read: ComputedColumnsRead,
  schema: SchemaMeta,
  model: ModelMeta,
  where: string,
  name: string,
  entry: unknown,
): ComputedColumnMeta | undefined {
  const before = read.checks.length;
  if (!namePattern.test(name)) {
    read.checks.push(
      check(
        "E111",
        where,
        `'${name}' is not a usable column name; use letters, digits and '_', starting with a letter.`,
      ),
    );
  } else if (model.fields.some((field) => field.name === name)) {
    read.checks.push(
      check(
        "E111",
        where,
        `'${name}' is a field of ${model.name}; a computed column needs a name of its own.`,
      ),
    );
  }
  if (!isObject(entry)) {
    read.checks.push(
      check(
        "E110",
        where,
        `expected a column such as { label: "Reviews", count: "reviews" }, got ${shown(entry)}.`,
      ),
    );
    return undefined;
  }
  for (const key of Object.keys(entry)) {
    if (key === "label" || (kinds as readonly string[]).includes(key)) continue;
    const hint = closestMatch(key, ["label", ...kinds]);
    read.checks.push(check("E110", `${where}.${key}`, `unknown option '${key}'${didYouMean(hint)}`));
  }
  const given = kinds.filter((kind) => entry[kind] !== undefined);
  if (given.length !== 1) {
    read.checks.push(
      check(
        "E110",
        where,
        `give exactly one of ${kinds.join(", ")}; got ${given.length === 0 ? "none" : given.join(" and ")}.`,
      ),
    );
    return undefined;
  }
  const label = entry.label ?? wordsOf(name);
  if (typeof label !== "string" || label.trim() === "") {
    read.checks.push(check("E110", `${where}.label`, `expected a non-empty text, got ${shown(label)}.`));
  }
  const kind = given[0] as (typeof kinds)[number];
  const target = entry[kind];
  if (kind === "value") {
    if (typeof target !== "function") {
      read.checks.push(
        check(
          "E110",
          `${where}.value`,
          `expected a function (row) => string | number | null, got ${shown(target)}.`,
        ),
      );
      return undefined;
    }
    if (read.checks.length > before) return undefined;
    read.values.set(name, target as ComputedValueFunction);
    return { kind: "value", name, label: label as string, sortable: false };
  }
  const expected =
    kind === "count"
      ? `a to-many relation, e.g. "reviews"`
      : `"<relation>.<numeric field>", e.g. "reviews.stars"`;
  if (typeof target !== "string" || target === "") {
    read.checks.push(check("E110", `${where}.${kind}`, `expected ${expected}, got ${shown(target)}.`));
    return undefined;
  }
  const [relationName = "", fieldName, ...rest] = target.split(".");
  if (kind === "count" ? fieldName !== undefined : fieldName === undefined || rest.length > 0) {
    read.checks.push(check("E110", `${where}.${kind}`, `expected ${expected}, got ${shown(target)}.`));
    return undefined;
  }
  const relation = toManyRelation(read, schema, model, `${where}.${kind}`, relationName);
  if (!relation) return undefined;
  const related = findModelByName(schema, relation.relation?.model ?? "");
  let field: FieldMeta | undefined;
  if (fieldName !== undefined && related) {
    field = related.fields.find((candidate) => candidate.name === fieldName);
    if (!field) {
      const hint = closestMatch(
        fieldName,
        related.fields.map((candidate) => candidate.name),
      );
      read.checks.push(
        check(
          "E114",
          `${where}.${kind}`,
          `'${fieldName}' is not a field of ${related.name}${didYouMean(hint)}`,
        ),
      );
      return undefined;
    }
    if (field.kind === "relation" || field.isList || !numericTypes.has(field.type)) {
      read.checks.push(
        check(
          "E115",
          `${where}.${kind}`,
          `${related.name}.${field.name} is ${field.kind === "relation" ? "a relation" : field.type}; ${kind} needs a number field (Int, BigInt, Float or Decimal).`,
        ),
      );
      return undefined;
    }
  }
  if (read.checks.length > before) return undefined;
  return {
    kind: "aggregate",
    name,
    label: label as string,
    aggregate: kind,
    relation: relation.name,
    ...(field ? { field: field.name } : {}),
    sortable: kind === "count",
  };
}

/** The one-to-many relation `name` of the model, or undefined after E112 (unknown) or E113 (not one). */
function toManyRelation(
  read: ComputedColumnsRead,
  schema: SchemaMeta,
  model: ModelMeta,
  where: string,
  name: string,
): FieldMeta | undefined {
  const field = model.fields.find((candidate) => candidate.name === name);
  const toMany = model.fields.filter(
    (candidate) => candidate.relation?.toMany && !candidate.relation.isManyToMany,
  );
  if (!field) {
    const hint = closestMatch(
      name,
      toMany.map((candidate) => candidate.name),
    );
    const known =
      hint || toMany.length === 0
        ? ""
        : ` Its to-many relations: ${toMany.map((candidate) => candidate.name).join(", ")}.`;
    read.checks.push(
      check("E112", where, `'${name}' is not a relation of ${model.name}${didYouMean(hint)}${known}`),
    );
    return undefined;
  }
  const relation = field.relation;
  if (!relation?.toMany || relation.isManyToMany || !findModelByName(schema, relation.model)) {
    const what = !relation
      ? `a ${field.type} field`
      : relation.isManyToMany
        ? "an implicit many-to-many relation (its join table has no model to aggregate)"
        : "a to-one relation";
    read.checks.push(
      check(
        "E113",
        where,
        `${model.name}.${name} is ${what}; computed aggregates read a one-to-many relation.`,
      ),
    );
    return undefined;
  }
  return field;
}

function check(code: string, path: string, message: string): ConfigCheck {
  return { code: `atrium.${code}` as ConfigCheck["code"], message: `${path}: ${message}` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (typeof value === "function") return "a function";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
