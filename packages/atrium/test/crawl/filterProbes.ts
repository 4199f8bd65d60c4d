/**
 * One probe per field and operator the metadata allows (core's allowedOperators), with its value taken from an
 * existing row, and what the answer must then hold: the row it came from is in it (`eq`, `in`, `lte`, `gte`,
 * `contains`, `startsWith`, `isNull=false`), or is not (`neq`, `lt`, `gt`), or every row is empty there
 * (`isNull=true`).
 */
import { allowedOperators, type FieldMeta, type FilterOperator, type ModelMeta } from "@atrium/core";
import type { Row } from "./crawlState.js";

export interface FilterProbe {
  /** `filter.{path}.{op}` without the prefix: `email.contains`, `author.name.eq`. */
  param: string;
  value: string;
  /** The `$id` that must be in (`includes`) or out of (`excludes`) the answer. */
  includes?: string;
  excludes?: string;
  /** Every row answered must have this field empty. */
  allEmpty?: string;
}

/** The text of a wire value in a query string (lists: their first element). */
export function filterText(field: FieldMeta, value: unknown): string | undefined {
  const element = field.isList && Array.isArray(value) ? value[0] : value;
  if (element === null || element === undefined) return undefined;
  if (field.kind === "relation") return (element as { $id?: string }).$id;
  if (typeof element === "object") return undefined;
  return String(element);
}

/** Swaps the case of every letter: a filter that ignores case must still match. */
export function swapCase(text: string): string {
  return [...text]
    .map((char) => (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()))
    .join("");
}

/**
 * The probes of one field over `rows` (the model's records as the API lists them). `relatedIds` are `$id`s of
 * records of a to-many relation's target, for the operators that take one.
 */
export function filterProbes(field: FieldMeta, rows: Row[], relatedIds: string[] = []): FilterProbe[] {
  const probes: FilterProbe[] = [];
  const source = rows.find((row) => filterText(field, row[field.name]) !== undefined);
  const other = rows.find((row) => row !== source && filterText(field, row[field.name]) !== undefined);
  const toMany = field.relation?.toMany ?? false;
  for (const op of allowedOperators(field)) {
    if (op === "isNull") {
      probes.push({
        param: `${field.name}.isNull`,
        value: "true",
        ...(toMany ? {} : { allEmpty: field.name }),
      });
      probes.push({
        param: `${field.name}.isNull`,
        value: "false",
        ...(source && !toMany ? { includes: source.$id } : {}),
      });
      continue;
    }
    if (toMany) {
      const [first, second = first] = relatedIds;
      if (first === undefined) continue;
      probes.push({ param: `${field.name}.${op}`, value: op === "in" ? `${first},${second}` : first });
      continue;
    }
    if (!source) continue;
    const text = filterText(field, source[field.name]) as string;
    probes.push(probeFor(field, op, text, source.$id, other && filterText(field, other[field.name])));
  }
  return probes;
}

function probeFor(
  field: FieldMeta,
  op: Exclude<FilterOperator, "isNull">,
  text: string,
  sourceId: string,
  otherText: string | undefined,
): FilterProbe {
  const param = `${field.name}.${op}`;
  switch (op) {
    case "neq":
    case "lt":
    case "gt":
      return { param, value: text, excludes: sourceId };
    case "in":
      return { param, value: otherText === undefined ? text : `${text},${otherText}`, includes: sourceId };
    case "contains": {
      const chars = [...text];
      const middle = chars.length > 2 ? chars.slice(1, -1).join("") : text;
      return { param, value: swapCase(middle), includes: sourceId };
    }
    case "startsWith":
      return {
        param,
        value: swapCase([...text].slice(0, Math.max(1, text.length - 1)).join("")),
        includes: sourceId,
      };
    default:
      return { param, value: text, includes: sourceId };
  }
}

/**
 * A probe through each to-one relation: `filter.{relation}.{title}.eq` with the related record's title, which
 * must find the row pointing at it.
 */
export function relationPathProbes(
  model: ModelMeta,
  rows: Row[],
  related: (field: FieldMeta) => Row[] | undefined,
  titleOf: (field: FieldMeta) => FieldMeta | undefined,
): FilterProbe[] {
  const probes: FilterProbe[] = [];
  for (const field of model.fields) {
    if (field.kind !== "relation" || field.relation?.toMany) continue;
    const title = titleOf(field);
    const targets = related(field);
    if (!title || !targets || title.kind === "relation" || title.isList) continue;
    for (const row of rows) {
      const target = targets.find((candidate) => candidate.$id === row[field.name]?.$id);
      const text = target && filterText(title, target[title.name]);
      if (text === undefined || text === "") continue;
      probes.push({ param: `${field.name}.${title.name}.eq`, value: text, includes: row.$id });
      break;
    }
  }
  return probes;
}
