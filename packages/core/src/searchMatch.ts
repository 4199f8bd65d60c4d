/**
 * How `q` matches a model's search fields, and when an index serves it. A `contains` match (`LIKE '%dune%'`)
 * cannot use a B-tree index on any database, so on a big table each search reads the table; a `prefix` match
 * (the field starts with the text) can, given the index each database needs:
 * - SQLite: any index led by the field (Atrium narrows the match to key ranges of the text's case forms);
 * - MySQL/MariaDB: any index led by the field (their default collations ignore case, so `LIKE 'dune%'` is a
 *   range of the index);
 * - PostgreSQL: an index led by the field with a pattern operator class (`text_pattern_ops`,
 *   `varchar_pattern_ops`), since ILIKE never uses a B-tree and LIKE does only through those in other than
 *   the C collation; or a trigram index (`gin_trgm_ops`), which serves `contains` as well.
 */
import type { DatabaseProvider, FieldMeta, IndexMeta, ModelMeta, SchemaMeta } from "./metadata.js";

/** How a list's `q` matched: anywhere in a search field, or at its start. */
export type SearchMatch = "contains" | "prefix";

/** What the configuration asks for: one of the matches, or `auto` (prefix where that is what keeps a big table's search on an index). */
export type SearchMode = SearchMatch | "auto";

const patternClasses = new Set(["text_pattern_ops", "varchar_pattern_ops", "bpchar_pattern_ops"]);
const trigramClasses = new Set(["gin_trgm_ops", "gist_trgm_ops"]);

/** Whether an index serves `match` on every search field of the model (through relations: on theirs). */
export function searchIsIndexed(schema: SchemaMeta, model: ModelMeta, match: SearchMatch): boolean {
  if (model.searchFields.length === 0) return false;
  return model.searchFields.every((path) => {
    const end = searchedField(schema, model, path.split("."));
    return end !== undefined && fieldIsIndexed(schema.provider, end.owner, end.field, match);
  });
}

/**
 * The match `auto` picks for a table of `rows` rows (undefined: not known): `prefix` when the table is bigger
 * than `limit`, an index serves prefix matches on every search field, and none serves `contains` (a trigram
 * index does, on PostgreSQL); `contains` otherwise, since a prefix match that reads the table anyway only
 * finds less.
 */
export function autoSearchMatch(
  schema: SchemaMeta,
  model: ModelMeta,
  rows: number | undefined,
  limit: number,
): SearchMatch {
  if (rows === undefined || limit <= 0 || rows <= limit) return "contains";
  if (searchIsIndexed(schema, model, "contains")) return "contains";
  return searchIsIndexed(schema, model, "prefix") ? "prefix" : "contains";
}

/**
 * Whether `auto` could pick `prefix` for this model at some size; when not, there is no need to learn the size
 * of its table.
 */
export function prefixMayApply(schema: SchemaMeta, model: ModelMeta): boolean {
  return searchIsIndexed(schema, model, "prefix") && !searchIsIndexed(schema, model, "contains");
}

function searchedField(
  schema: SchemaMeta,
  model: ModelMeta,
  path: string[],
): { owner: ModelMeta; field: FieldMeta } | undefined {
  let owner: ModelMeta | undefined = model;
  for (const [index, name] of path.entries()) {
    const field: FieldMeta | undefined = owner?.fields.find((candidate) => candidate.name === name);
    if (!owner || !field) return undefined;
    if (index === path.length - 1) return { owner, field };
    owner = schema.models.find((candidate) => candidate.name === field.relation?.model);
  }
  return undefined;
}

function fieldIsIndexed(
  provider: DatabaseProvider,
  owner: ModelMeta,
  field: FieldMeta,
  match: SearchMatch,
): boolean {
  const leading = leadingIndexes(owner, field.name);
  if (match === "contains") {
    return (
      provider === "postgresql" && leading.some((index) => trigramClasses.has(index.operatorClass ?? ""))
    );
  }
  return leading.some((index) => {
    if (provider === "postgresql") {
      return !index.algorithm
        ? patternClasses.has(index.operatorClass ?? "")
        : trigramClasses.has(index.operatorClass ?? "");
    }
    return index.kind !== "fulltext" && !index.algorithm;
  });
}

/** The indexes led by `name`; the id and unique fields stand for theirs when the metadata lists none. */
function leadingIndexes(owner: ModelMeta, name: string): IndexMeta[] {
  if (owner.indexes) return owner.indexes.filter((index) => index.fields[0] === name);
  const field = owner.fields.find((candidate) => candidate.name === name);
  const keyed =
    owner.idFields[0] === name || field?.isUnique || owner.uniqueIndexes.some((i) => i[0] === name);
  return keyed ? [{ fields: [name], kind: "unique" }] : [];
}
