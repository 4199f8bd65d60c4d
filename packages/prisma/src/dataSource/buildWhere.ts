/** ListQuery filters and search -> a Prisma `where`. */
import {
  AtriumError,
  type DatabaseProvider,
  type FieldMeta,
  type FilterSpec,
  type IdValues,
  isUuidText,
  type ModelMeta,
  type SchemaMeta,
  type SearchMatch,
  textProblem,
} from "@atrium/core";
import { DbNull } from "@prisma/client/runtime/client";
import { caseVariants } from "./caseVariants.js";
import { idMatch } from "./idWhere.js";
import { escapeLike, prefixMatches } from "./prefixMatch.js";
import type { Args } from "./prismaClient.js";

export interface BuildWhereInput {
  schema: SchemaMeta;
  model: ModelMeta;
  filters: FilterSpec[];
  search?: string;
  provider: DatabaseProvider;
  /** How `search` matches. @default "contains" */
  searchMatch?: SearchMatch;
}

export function buildWhere(input: BuildWhereInput): Args {
  const parts = input.filters.map((filter) =>
    filterWhere(input.schema, input.model, filter.path, filter, input.provider),
  );
  const search = input.search?.trim();
  if (search) {
    const searchPart = searchWhere(input.model, search, input.provider, input.schema, input.searchMatch);
    if (searchPart) parts.push(searchPart);
  }
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0] ?? {};
  return { AND: parts };
}

/**
 * OR over the model's search fields, case-insensitive everywhere: each field contains the text, or starts
 * with it (prefixMatch.ts). Without search fields the search is ignored: the UI shows no search box for such
 * models. A dotted search field (`book.title`) searches the related record's field through its to-one relations.
 */
export function searchWhere(
  model: ModelMeta,
  search: string,
  provider: DatabaseProvider,
  schema: SchemaMeta,
  match: SearchMatch = "contains",
): Args | undefined {
  if (model.searchFields.length === 0) return undefined;
  const context = { provider, match, fields: model.searchFields.length };
  return {
    OR: model.searchFields.flatMap((path) =>
      searchPathWhere(schema, model, path.split("."), search, context),
    ),
  };
}

interface SearchContext {
  provider: DatabaseProvider;
  match: SearchMatch;
  /** How many fields the search looks in (SQLite narrows prefix matches within one budget for all). */
  fields: number;
}

/** Alternatives matching `search` in the field at `path`, wrapped in the relations the path walks. */
function searchPathWhere(
  schema: SchemaMeta,
  model: ModelMeta,
  path: string[],
  search: string,
  context: SearchContext,
): Args[] {
  const [name, ...rest] = path;
  const field = model.fields.find((candidate) => candidate.name === name);
  // Search fields come from Atrium's own metadata, so a broken path is a bug, not bad input.
  if (!name || !field) throw new Error(`Search field ${path.join(".")} is not a field of ${model.name}`);
  if (rest.length > 0) {
    const relation = field.relation;
    const related =
      relation && !relation.toMany && schema.models.find((item) => item.name === relation.model);
    if (!related) throw new Error(`Search field ${name} of ${model.name} is not a to-one relation`);
    const inner = searchPathWhere(schema, related, rest, search, context);
    return inner.length === 0 ? [] : [{ [name]: { is: anyOf(inner) } }];
  }
  // A `@db.Uuid` column cannot be searched as text (a title falling back to the id can be one): only a
  // whole uuid finds its record.
  if (isUuidText(field)) return textProblem(field, search) ? [] : [{ [name]: { equals: search } }];
  if (context.match === "prefix") return prefixMatches(name, search, context.provider, context.fields);
  return textMatches(name, "contains", search, context.provider);
}

/**
 * `contains`/`startsWith` that ignore case on every database, as alternatives to OR together; wildcards in
 * the value are literal, except on SQLite (escapeLike).
 * PostgreSQL needs `mode: "insensitive"`, which SQLite and MySQL reject. MySQL's default collations fold case,
 * Unicode letters included. SQLite's LIKE folds ASCII letters only, so the non-ASCII letters' case variants
 * are searched too (caseVariants.ts: every combination up to 16, else the common spellings only).
 */
function textMatches(
  name: string,
  op: "contains" | "startsWith",
  value: unknown,
  provider: DatabaseProvider,
): Args[] {
  const literal = typeof value === "string" && provider !== "sqlite" ? escapeLike(value) : value;
  if (provider === "postgresql") return [{ [name]: { [op]: literal, mode: "insensitive" } }];
  if (provider === "mysql" || typeof value !== "string") return [{ [name]: { [op]: literal } }];
  return caseVariants(value).map((variant) => ({ [name]: { [op]: variant } }));
}

function anyOf(alternatives: Args[]): Args {
  return alternatives.length === 1 ? (alternatives[0] ?? {}) : { OR: alternatives };
}

function filterWhere(
  schema: SchemaMeta,
  model: ModelMeta,
  path: string[],
  filter: FilterSpec,
  provider: DatabaseProvider,
): Args {
  const [name, ...rest] = path;
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!name || !field) throw badFilter(filter, `${model.label} has no field "${name ?? ""}"`);
  if (field.kind !== "relation") {
    if (rest.length > 0) throw badFilter(filter, `"${name}" is not a relation`);
    return scalarWhere(field, filter, provider);
  }
  const relation = field.relation;
  const related = schema.models.find((candidate) => candidate.name === relation?.model);
  if (!relation || !related) throw badFilter(filter, `the model related through "${name}" is unknown`);
  if (rest.length === 0) return relationIdentityWhere(field, related, filter);
  const inner = filterWhere(schema, related, rest, filter, provider);
  return { [name]: relation.toMany ? { some: inner } : { is: inner } };
}

/**
 * A scalar list (PostgreSQL) compares its elements: `eq` "has this element", `neq` "lacks it", `in` "has one of
 * them". Prisma reads a NULL list as `[]`, so `neq` lists NULL lists too (they lack every element). Lists have
 * no `isNull` (allowedOperators offers none): a list is never shown as empty-versus-null.
 */
function listWhere(field: FieldMeta, filter: FilterSpec): Args {
  const { name } = field;
  switch (filter.op) {
    case "eq":
      return { [name]: { has: filter.value } };
    case "neq":
      // `NOT has` leaves out NULL lists (SQL's NOT of NULL is NULL); `equals: null` brings them back.
      return { OR: [{ NOT: { [name]: { has: filter.value } } }, { [name]: { equals: null } }] };
    case "in":
      if (!Array.isArray(filter.value)) throw badFilter(filter, "`in` needs a list of values");
      return { [name]: { hasSome: filter.value } };
    default:
      throw badFilter(filter, `"${filter.op}" does not apply to list fields; use eq, neq or in`);
  }
}

function scalarWhere(field: FieldMeta, filter: FilterSpec, provider: DatabaseProvider): Args {
  if (field.isList) return listWhere(field, filter);
  const { name } = field;
  const value = filter.value;
  const isJson = field.type === "Json";
  switch (filter.op) {
    case "eq":
      return { [name]: { equals: value } };
    case "neq":
      // SQL's `<>` (and Prisma's `not`) drop NULLs; "not equal to X" should still list the empty ones.
      if (!field.isRequired && value !== null) {
        return { OR: [{ [name]: { not: value } }, { [name]: isJson ? { equals: DbNull } : null }] };
      }
      return { [name]: { not: value } };
    case "in":
      if (!Array.isArray(value)) throw badFilter(filter, "`in` needs a list of values");
      // Prisma's Boolean filter has no `in`.
      if (field.type === "Boolean")
        return anyOf([...new Set(value)].map((item) => ({ [name]: { equals: item } })));
      return { [name]: { in: value } };
    case "lt":
    case "lte":
    case "gt":
    case "gte":
      return { [name]: { [filter.op]: value } };
    case "contains":
    case "startsWith":
      if (field.type !== "String") throw badFilter(filter, `"${filter.op}" applies to text fields only`);
      return anyOf(textMatches(name, filter.op, value, provider));
    case "isNull":
      if (isJson) return { [name]: value ? { equals: DbNull } : { not: DbNull } };
      return { [name]: value ? null : { not: null } };
    default: {
      const unknown: never = filter.op;
      throw badFilter(filter, `unknown operator "${String(unknown)}"`);
    }
  }
}

/** A path ending on a relation compares the related record's identity. */
function relationIdentityWhere(field: FieldMeta, related: ModelMeta, filter: FilterSpec): Args {
  const { name } = field;
  const toMany = field.relation?.toMany === true;
  switch (filter.op) {
    case "eq": {
      const id = asId(filter, filter.value);
      if (toMany) return { [name]: { some: idMatch(related, id) } };
      return foreignKeyMatch(field, related, id) ?? { [name]: { is: idMatch(related, id) } };
    }
    case "neq": {
      // `isNot`/`none` keep the records without a related one: they are not equal to it either.
      const match = idMatch(related, asId(filter, filter.value));
      return { [name]: toMany ? { none: match } : { isNot: match } };
    }
    case "in": {
      if (!Array.isArray(filter.value)) throw badFilter(filter, "`in` needs a list of ids");
      const matches = filter.value.map((id) => idMatch(related, asId(filter, id)));
      const keyed = filter.value.map((id) => foreignKeyMatch(field, related, asId(filter, id)));
      if (!toMany && keyed.every((match) => match !== undefined)) return { OR: keyed };
      return { [name]: toMany ? { some: { OR: matches } } : { is: { OR: matches } } };
    }
    case "isNull":
      if (toMany) return { [name]: filter.value ? { none: {} } : { some: {} } };
      return { [name]: filter.value ? { is: null } : { isNot: null } };
    default:
      throw badFilter(filter, `"${filter.op}" cannot compare a relation; use eq, neq, in or isNull`);
  }
}

/**
 * Compares the foreign-key columns directly when the relation references the related id: no join, and the
 * key's index applies.
 */
function foreignKeyMatch(field: FieldMeta, related: ModelMeta, id: IdValues): Args | undefined {
  const relation = field.relation;
  if (!relation || relation.fromFields.length === 0) return undefined;
  if (relation.toFields.length !== related.idFields.length) return undefined;
  if (!relation.toFields.every((name) => related.idFields.includes(name))) return undefined;
  const values = idMatch(related, id);
  return Object.fromEntries(
    relation.fromFields.map((from, index) => [from, values[relation.toFields[index] ?? ""]]),
  );
}

function asId(filter: FilterSpec, value: unknown): IdValues {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badFilter(filter, "a relation is compared with the id of a related record");
  }
  return value as IdValues;
}

function badFilter(filter: FilterSpec, reason: string): AtriumError {
  const key = `filter.${filter.path.join(".")}.${filter.op}`;
  return new AtriumError("bad_request", `Invalid filter ${key}: ${reason}`, { fields: { [key]: reason } });
}
