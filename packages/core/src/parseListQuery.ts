/**
 * `GET /api/records/{key}?page=2&perPage=50&sort=-publishedAt,title&q=dune&filter.author.name.contains=her`
 * -> ListQuery. Everything is checked against the metadata; anything not understood is a 400 naming the
 * parameter, never silently ignored (an ignored filter shows the user wrong rows as if they were right).
 *
 * Sorting: the user's sort, then the model's id fields ascending (those not already sorted on), so rows with
 * equal sort values keep a stable order across pages. Without `sort` the list is by the model's configured
 * `ordering` (then its id fields ascending), else by id fields descending: newest first for autoincrement,
 * time-ordered and most other keys.
 */
import { allowedOperators, isSortable } from "./allowedOperators.js";
import { computedColumnsOf } from "./computedColumns.js";
import { AtriumError } from "./errors.js";
import { FieldErrorBag } from "./fieldErrorBag.js";
import { decodeListCursor } from "./listCursor.js";
import {
  type FilterOperator,
  type FilterSpec,
  filterOperators,
  type ListQuery,
  type SortSpec,
} from "./listQuery.js";
import { type FieldMeta, findField, type ModelMeta, type SchemaMeta } from "./metadata.js";
import { decodeRecordId } from "./recordId.js";
import { relatedModel } from "./relatedModel.js";
import { int32Max } from "./valueText.js";
import { decodeFilterValue } from "./wireCodec.js";

export interface ParseListQueryOptions {
  /** Largest page size a client may ask for; bigger requests are clamped. @default 200 */
  maxPerPage?: number;
  /** Page size when `perPage` is not given. @default the model's configured `list.perPage`, else 25 */
  defaultPerPage?: number;
  /**
   * Why `q` is refused when the model has no search fields, e.g. because they are all hidden from the user.
   * @default "{Models} cannot be searched: no search fields"
   */
  unsearchable?: string;
}

const filterPrefix = "filter.";
const topLevel = new Set(["page", "perPage", "sort", "q", "cursor"]);

function badRequest(message: string): AtriumError {
  return new AtriumError("bad_request", message);
}

function parsePositive(text: string, name: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1)
    throw badRequest(`Expected a whole number of 1 or more for ${name}`);
  return value;
}

/** Walks `path` from `model`: every segment but the last must be a relation (to-one only when `toOneOnly`). */
function walkPath(
  schema: SchemaMeta,
  model: ModelMeta,
  path: string[],
  toOneOnly: boolean,
): { field: FieldMeta; owner: ModelMeta } {
  let owner = model;
  for (const [index, name] of path.entries()) {
    const field = name === "" ? undefined : findField(owner, name);
    if (!field) throw badRequest(`Unknown field '${name}' on ${owner.name}`);
    if (index === path.length - 1) return { field, owner };
    if (field.kind !== "relation")
      throw badRequest(`'${name}' on ${owner.name} is not a relation; nothing can follow it`);
    if (toOneOnly && field.relation?.toMany) {
      throw badRequest(
        `'${name}' on ${owner.name} is a to-many relation; sort only through to-one relations`,
      );
    }
    owner = relatedModel(schema, field);
  }
  throw badRequest("Expected a field name");
}

/**
 * The configured default sort (`models.<Model>.list.ordering`), without the entries this principal's view does
 * not have (a field hidden from them): a default must never turn a plain list request into a 400.
 */
function defaultSortTokens(schema: SchemaMeta, model: ModelMeta): string[] {
  return (model.admin?.list?.ordering ?? []).filter((token) => {
    try {
      const { field } = walkPath(schema, model, token.replace(/^-/, "").split("."), true);
      return isSortable(field);
    } catch {
      return false;
    }
  });
}

function parseSort(schema: SchemaMeta, model: ModelMeta, text: string | null): SortSpec[] {
  const sort: SortSpec[] = [];
  const seen = new Set<string>();
  const tokens =
    text === null || text.trim() === ""
      ? defaultSortTokens(schema, model)
      : text.split(",").map((item) => item.trim());
  for (const token of tokens) {
    if (token === "" || token === "-") throw badRequest("Expected a field name between the commas");
    const direction = token.startsWith("-") ? "desc" : "asc";
    const name = direction === "desc" ? token.slice(1) : token;
    const computed = computedSort(model, name, direction);
    if (computed) {
      if (seen.has(name)) throw badRequest(`Sorted by '${name}' twice`);
      seen.add(name);
      sort.push(computed);
      continue;
    }
    const { field, owner } = walkPath(schema, model, name.split("."), true);
    if (!isSortable(field))
      throw badRequest(`Cannot sort by '${name}': ${owner.name}.${field.name} has no order`);
    if (seen.has(name)) throw badRequest(`Sorted by '${name}' twice`);
    seen.add(name);
    sort.push({ path: name.split("."), direction });
  }
  const defaultDirection = sort.length === 0 ? "desc" : "asc";
  for (const id of model.idFields) {
    if (!seen.has(id)) sort.push({ path: [id], direction: defaultDirection });
  }
  return sort;
}

/** The sort by a computed column's name: a relation's count sorts, other computed columns cannot. */
function computedSort(
  model: ModelMeta,
  name: string,
  direction: SortSpec["direction"],
): SortSpec | undefined {
  const column = computedColumnsOf(model).find((candidate) => candidate.name === name);
  if (!column) return undefined;
  const relation = column.kind === "aggregate" ? column.relation : undefined;
  if (!column.sortable || !relation || !model.fields.some((field) => field.name === relation)) {
    const what =
      column.kind === "value"
        ? "a value computed per row"
        : `a computed ${column.kind === "aggregate" ? column.aggregate : ""}`;
    throw badRequest(
      `Cannot sort by '${name}': it is ${what}, which the database cannot order by; only computed counts sort`,
    );
  }
  return { path: [relation], direction, count: true };
}

function decodeRelationIds(target: ModelMeta, op: FilterOperator, text: string): unknown {
  if (op !== "in") return decodeRecordId(target, text);
  // A composite `$id` has exactly idFields.length - 1 raw commas (its parts are URL-encoded), so a list of
  // them is cut into groups of that many parts.
  const parts = text.split(",");
  const size = target.idFields.length;
  if (text === "" || parts.length % size !== 0) {
    throw badRequest(`Expected ids of ${target.label} separated by commas`);
  }
  const ids: unknown[] = [];
  for (let start = 0; start < parts.length; start += size) {
    ids.push(decodeRecordId(target, parts.slice(start, start + size).join(",")));
  }
  return ids;
}

function parseFilter(schema: SchemaMeta, model: ModelMeta, key: string, text: string): FilterSpec {
  const segments = key.slice(filterPrefix.length).split(".");
  const op = segments.pop() as FilterOperator;
  if (segments.length === 0) throw badRequest("Expected filter.{field}.{operator}");
  if (!filterOperators.includes(op)) {
    throw badRequest(`Unknown operator '${op}'; use one of ${filterOperators.join(", ")}`);
  }
  const { field, owner } = walkPath(schema, model, segments, false);
  const allowed = allowedOperators(field);
  if (!allowed.includes(op)) {
    const hint = allowed.length > 0 ? `; use one of ${allowed.join(", ")}` : "";
    throw badRequest(`Operator '${op}' does not apply to ${owner.name}.${field.name}${hint}`);
  }
  let value: unknown;
  if (field.kind === "relation" && op !== "isNull")
    value = decodeRelationIds(relatedModel(schema, field), op, text);
  else value = decodeFilterValue(field, op, text);
  return { path: segments, op, value };
}

export function parseListQuery(
  schema: SchemaMeta,
  model: ModelMeta,
  params: URLSearchParams,
  options: ParseListQueryOptions = {},
): ListQuery {
  const maxPerPage = options.maxPerPage ?? 200;
  const errors = new FieldErrorBag();
  const seen = new Set<string>();
  const filters: FilterSpec[] = [];
  for (const key of params.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (params.getAll(key).length > 1) {
      errors.add(key, "Given more than once");
    } else if (key.startsWith(filterPrefix)) {
      const filter = errors.capture(key, () => parseFilter(schema, model, key, params.get(key) ?? ""));
      if (filter) filters.push(filter);
    } else if (!topLevel.has(key)) {
      errors.add(key, "Unknown parameter; use page, perPage, sort, q, cursor or filter.{field}.{operator}");
    }
  }

  const pageText = params.get("page");
  const page = pageText === null ? 1 : (errors.capture("page", () => parsePositive(pageText, "page")) ?? 1);
  const perPageText = params.get("perPage");
  const requested =
    perPageText === null
      ? (options.defaultPerPage ?? model.admin?.list?.perPage ?? 25)
      : (errors.capture("perPage", () => parsePositive(perPageText, "perPage")) ?? 1);
  const perPage = Math.min(requested, maxPerPage);
  // Offsets past 32 bits are refused rather than passed on to fail in the driver.
  if ((page - 1) * perPage > int32Max)
    errors.add("page", "This page is too far; narrow the list with filters");

  const sort = errors.capture("sort", () => parseSort(schema, model, params.get("sort"))) ?? [];

  const cursorText = params.get("cursor");
  if (cursorText !== null && page > 1) {
    errors.add("cursor", "Give either a cursor or a page number, not both");
  }
  if (cursorText !== null && sort.some((spec) => spec.count)) {
    errors.add("cursor", "A list sorted by a computed count pages by number; give a page, not a cursor");
  }
  // Decoded against the sort just checked, so a cursor can only seek on fields the user may sort by.
  const cursor =
    cursorText === null || sort.length === 0 || sort.some((spec) => spec.count)
      ? undefined
      : errors.capture("cursor", () => decodeListCursor(schema, model, sort, cursorText));

  const search = params.get("q")?.trim() || undefined;
  if (search !== undefined && model.searchFields.length === 0) {
    errors.add("q", options.unsearchable ?? `${model.labelPlural} cannot be searched: no search fields`);
  }

  errors.throwIfAny("bad_request", "list query");
  const query: ListQuery = { page, perPage, sort, filters };
  if (search !== undefined) query.search = search;
  if (cursor) query.cursor = cursor;
  return query;
}
