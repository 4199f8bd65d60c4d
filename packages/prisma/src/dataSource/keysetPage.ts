/**
 * One page of a list by offset or by cursor, and the cursors to the pages around it. A cursor page reads
 * `perPage + 1` rows from the cursor on (reversed for "prev", then turned back), so a deep page costs what
 * page 1 costs; the extra row says whether there is a page beyond.
 */
import type {
  DatabaseProvider,
  FieldMeta,
  ListCursor,
  ListQuery,
  ModelMeta,
  SchemaMeta,
  SortSpec,
} from "@atrium/core";
import { buildOrderBy } from "./buildOrderBy.js";
import { toStoredValue } from "./buildSelect.js";
import { keysetWhere } from "./keysetWhere.js";
import type { Args, QueryClient, Row } from "./prismaClient.js";
import { getDelegate } from "./prismaClient.js";

export interface PageInput {
  client: QueryClient;
  schema: SchemaMeta;
  model: ModelMeta;
  provider: DatabaseProvider;
  query: ListQuery;
  where: Args;
  /** The row select (not changed: the sort columns it lacks are added to a copy and read apart). */
  select: Args;
}

export interface RawPage {
  rows: Row[];
  /** Absent when the sort has a count: the page is paged by number. */
  next?: ListCursor | null;
  prev?: ListCursor | null;
  hasNext: boolean;
  hasPrev: boolean;
}

export async function readPage(input: PageInput): Promise<RawPage> {
  const { query, schema, model } = input;
  const sort = completeSort(model, query.sort);
  const cursor = query.cursor;
  const reverse = cursor?.direction === "prev";
  const order = reverse ? sort.map(flip) : sort;
  const where = cursor
    ? {
        AND: [
          input.where,
          keysetWhere({ schema, model, sort: order, values: cursor.values, provider: input.provider }),
        ],
      }
    : input.where;
  const offset = cursor ? 0 : Math.max(0, query.page - 1) * query.perPage;
  const { select, added } = withSortColumns(
    input.select,
    sort.filter((spec) => !spec.count),
  );
  const read = await getDelegate(input.client, model).findMany({
    where,
    orderBy: buildOrderBy(schema, model, order),
    skip: offset,
    take: query.perPage + 1,
    select,
  });
  const more = read.length > query.perPage;
  const page = read.slice(0, query.perPage);
  if (reverse) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const edge = (row: Row, direction: ListCursor["direction"]): ListCursor => ({
    direction,
    values: sort.map((spec) => sortValue(schema, model, spec.path, row)),
  });
  // Coming back from a later page, there is one after this; coming forward, there is one before.
  const hasNext = reverse ? cursor !== undefined : more;
  const hasPrev = reverse ? more : cursor !== undefined || offset > 0;
  // No cursor can seek by a count: such a list pages by number, and says so by giving no cursors at all.
  if (sort.some((spec) => spec.count)) {
    for (const row of page) removeAdded(row, added);
    return { rows: page, hasNext, hasPrev };
  }
  const next = hasNext && last ? edge(last, "next") : null;
  const prev = hasPrev && first ? edge(first, "prev") : null;
  for (const row of page) removeAdded(row, added);
  return { rows: page, next, prev, hasNext, hasPrev };
}

/** The query's sort with the id fields the order ends on (buildOrderBy adds those it lacks, ascending). */
function completeSort(model: ModelMeta, sort: SortSpec[]): SortSpec[] {
  const sorted = new Set(sort.filter((spec) => spec.path.length === 1).map((spec) => spec.path[0]));
  const ids = model.idFields.filter((name) => !sorted.has(name));
  return [...sort, ...ids.map((name): SortSpec => ({ path: [name], direction: "asc" }))];
}

function flip(spec: SortSpec): SortSpec {
  return { path: spec.path, direction: spec.direction === "asc" ? "desc" : "asc" };
}

/**
 * A copy of `select` that also reads every sort path (a related record's sorted field may not be part of its
 * label), and the paths it had to add, so they are dropped again before the row is shaped.
 */
function withSortColumns(select: Args, sort: SortSpec[]): { select: Args; added: string[][] } {
  const copy = structuredClone(select);
  const added: string[][] = [];
  for (const spec of sort) {
    let level = copy;
    for (const [index, name] of spec.path.entries()) {
      if (index === spec.path.length - 1) {
        if (!level[name]) {
          level[name] = true;
          added.push(spec.path);
        }
        break;
      }
      const existing = level[name] as { select?: Args } | undefined;
      if (!existing || typeof existing !== "object" || !existing.select) {
        level[name] = { select: {} };
        added.push(spec.path.slice(0, index + 1));
        // The whole relation is new: everything under it goes with it.
        level = (level[name] as { select: Args }).select;
        continue;
      }
      level = existing.select;
    }
  }
  return { select: copy, added };
}

function removeAdded(row: Row, added: string[][]): void {
  for (const path of added) {
    let level: Row | null | undefined = row;
    for (const name of path.slice(0, -1)) level = level?.[name] as Row | null | undefined;
    const last = path.at(-1);
    if (level && last !== undefined) delete level[last];
  }
}

/** The typed value of a sort path in a row read with withSortColumns; NULL when a relation on the way is. */
function sortValue(schema: SchemaMeta, model: ModelMeta, path: string[], row: Row): unknown {
  let owner: ModelMeta | undefined = model;
  let level: Row | null | undefined = row;
  for (const [index, name] of path.entries()) {
    const field: FieldMeta | undefined = owner?.fields.find((candidate) => candidate.name === name);
    if (!field || level === null || level === undefined) return null;
    const value: unknown = level[name];
    if (index === path.length - 1) return value === undefined ? null : toStoredValue(field, value);
    level = value as Row | null;
    owner = schema.models.find((candidate) => candidate.name === field.relation?.model);
  }
  return null;
}
