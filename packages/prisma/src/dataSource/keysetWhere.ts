/**
 * The rows after a cursor in a list's order, as a Prisma filter: (s1, s2, ..., id) compared lexicographically,
 * each column in its own direction, written out as `s1 after v1 OR (s1 = v1 AND s2 after v2) OR ...`.
 *
 * NULLs sit where the database's ORDER BY puts them (buildOrderBy gives no `nulls`): PostgreSQL sorts NULL
 * above every value (last ascending, first descending), SQLite and MySQL/MariaDB below every value. The filter
 * agrees, or rows with a NULL sort value would be skipped or seen twice.
 */
import {
  AtriumError,
  type DatabaseProvider,
  type FieldMeta,
  type ModelMeta,
  type SchemaMeta,
  type SortSpec,
} from "@atrium/core";
import { findModel } from "./buildSelect.js";
import type { Args } from "./prismaClient.js";

export interface KeysetWhereInput {
  schema: SchemaMeta;
  model: ModelMeta;
  /** The order the page is read in (already reversed for a "prev" page), id fields included. */
  sort: SortSpec[];
  /** The boundary row's value for each entry of `sort`. */
  values: unknown[];
  provider: DatabaseProvider;
}

/** One sort column: how to filter on its path and whether it can be NULL (an optional field or relation). */
interface Column {
  /** Wraps a leaf condition in the relation filters of the path: `{ author: { is: { name: cond } } }`. */
  wrap(condition: unknown): Args;
  /** The relation fields of the path, in order. */
  hops: FieldMeta[];
  leaf: FieldMeta;
  nullable: boolean;
}

export function keysetWhere(input: KeysetWhereInput): Args {
  const nullsLarge = input.provider === "postgresql";
  const columns = input.sort.map((spec) => column(input.schema, input.model, spec.path));
  const branches: Args[] = [];
  const equalities: Args[] = [];
  for (const [index, spec] of input.sort.entries()) {
    const col = columns[index] as Column;
    const value = input.values[index];
    if (value === null && !col.nullable) throw damaged();
    const nullsLast = nullsLarge === (spec.direction === "asc");
    const after = afterValue(col, value, spec.direction, nullsLast, input.provider);
    if (after) branches.push(equalities.length === 0 ? after : { AND: [...equalities, after] });
    equalities.push(value === null ? isNull(col) : col.wrap({ equals: value }));
  }
  // An empty OR matches nothing: the cursor was the last row in this order.
  const where: Args = { OR: branches };
  // A plain range on the first column as well, so the planner can start an index scan at the cursor
  // instead of filtering the OR from the top of the index.
  const first = columns[0];
  const [spec] = input.sort;
  const value = input.values[0];
  const nullsFirstLast = nullsLarge === (spec?.direction === "asc");
  const ranged = first && !listed(first.leaf);
  if (ranged && spec && value !== null && !(first.nullable && nullsFirstLast) && input.sort.length > 1) {
    return { AND: [first.wrap(spec.direction === "asc" ? { gte: value } : { lte: value }), where] };
  }
  return where;
}

/** Rows strictly after `value` in this column's order, or undefined when none can be. */
function afterValue(
  col: Column,
  value: unknown,
  direction: "asc" | "desc",
  nullsLast: boolean,
  provider: DatabaseProvider,
) {
  if (value === null) return nullsLast ? undefined : notNull(col);
  const condition = beyondValue(col.leaf, value, direction, provider);
  const beyond = condition && col.wrap(condition);
  if (!(col.nullable && nullsLast)) return beyond;
  return beyond ? { OR: [beyond, isNull(col)] } : isNull(col);
}

/** Prisma's enum and Boolean filters have no gt/lt: the values after `value` are listed instead. */
function listed(field: FieldMeta): boolean {
  return field.kind === "enum" || field.type === "Boolean";
}

function beyondValue(
  field: FieldMeta,
  value: unknown,
  direction: "asc" | "desc",
  provider: DatabaseProvider,
) {
  if (!listed(field)) return direction === "asc" ? { gt: value } : { lt: value };
  const order = field.type === "Boolean" ? [false, true] : enumOrder(field, provider);
  const at = order.indexOf(value);
  if (at < 0) throw damaged();
  const after = direction === "asc" ? order.slice(at + 1) : order.slice(0, at);
  // Boolean filters have no `in` either; one value is all a Boolean can have after another.
  if (after.length === 0) return undefined;
  return after.length === 1 ? { equals: after[0] } : { in: after };
}

/**
 * How the database orders an enum: PostgreSQL and MySQL/MariaDB by the order of declaration (native enum
 * types), SQLite as the text it stores (byte order; enum values are ASCII identifiers).
 */
function enumOrder(field: FieldMeta, provider: DatabaseProvider): unknown[] {
  const values = field.enumValues ?? [];
  return provider === "sqlite" ? [...values].sort() : [...values];
}

/** NULL in the sort's join: the leaf is NULL or any optional relation on the way is missing. */
function isNull(col: Column): Args {
  const cases: Args[] = [];
  col.hops.forEach((hop, index) => {
    if (!hop.isRequired) cases.push(nest(col.hops.slice(0, index), { [hop.name]: { is: null } }));
  });
  if (!col.leaf.isRequired) cases.push(col.wrap(null));
  return cases.length === 1 ? (cases[0] as Args) : { OR: cases };
}

function notNull(col: Column): Args {
  if (!col.leaf.isRequired) return col.wrap({ not: null });
  const last = col.hops.at(-1);
  return last ? nest(col.hops.slice(0, -1), { [last.name]: { isNot: null } }) : {};
}

/** `inner` under the relation filters of `hops`. */
function nest(hops: FieldMeta[], inner: Args): Args {
  return hops.reduceRight<Args>((acc, hop) => ({ [hop.name]: { is: acc } }), inner);
}

function column(schema: SchemaMeta, model: ModelMeta, path: string[]): Column {
  const hops: FieldMeta[] = [];
  let owner = model;
  for (const [index, name] of path.entries()) {
    const field = owner.fields.find((candidate) => candidate.name === name);
    if (!field) break;
    if (index === path.length - 1) {
      const nullable = !field.isRequired || hops.some((hop) => !hop.isRequired);
      return { wrap: (condition) => nest(hops, { [name]: condition }), hops, leaf: field, nullable };
    }
    const related = field.relation && findModel(schema, field.relation.model);
    if (!related) break;
    hops.push(field);
    owner = related;
  }
  throw new AtriumError("bad_request", `Cannot page by '${path.join(".")}': no such field`);
}

function damaged(): AtriumError {
  return new AtriumError("bad_request", "This cursor is damaged; go back to the first page of the list");
}
