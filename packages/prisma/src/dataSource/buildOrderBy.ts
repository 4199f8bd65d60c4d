/** ListQuery sort -> a Prisma `orderBy` list. */
import { AtriumError, type ModelMeta, type SchemaMeta, type SortSpec } from "@atrium/core";
import type { Args } from "./prismaClient.js";

/**
 * One entry per sort key, in order; a path through to-one relations nests (`{ author: { name: "asc" } }`).
 * The list query already ends with the id fields, so pages never shuffle; we add them if it does not.
 */
export function buildOrderBy(schema: SchemaMeta, model: ModelMeta, sort: SortSpec[]): Args[] {
  const orderBy = sort.map((spec) => sortEntry(schema, model, spec.path, spec));
  const sortedTopLevel = new Set(sort.filter((spec) => spec.path.length === 1).map((spec) => spec.path[0]));
  for (const name of model.idFields) {
    if (!sortedTopLevel.has(name)) orderBy.push({ [name]: "asc" });
  }
  return orderBy;
}

function sortEntry(schema: SchemaMeta, model: ModelMeta, path: string[], spec: SortSpec): Args {
  const [name, ...rest] = path;
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!name || !field) throw badSort(spec, `${model.label} has no field "${name ?? ""}"`);
  if (spec.count) {
    if (!field.relation?.toMany || rest.length > 0)
      throw badSort(spec, `"${name}" is not a to-many relation`);
    // Prisma orders by a relation's count through a grouped join; parseListQuery only lets small lists do it.
    return { [name]: { _count: spec.direction } };
  }
  if (field.kind !== "relation") {
    if (rest.length > 0) throw badSort(spec, `"${name}" is not a relation`);
    if (field.type === "Unsupported" || field.type === "Json" || field.isList) {
      throw badSort(spec, `"${name}" cannot be sorted`);
    }
    return { [name]: spec.direction };
  }
  const related = schema.models.find((candidate) => candidate.name === field.relation?.model);
  if (!related || field.relation?.toMany) throw badSort(spec, `"${name}" is not a to-one relation`);
  if (rest.length === 0)
    throw badSort(spec, `sort by a field of "${name}", e.g. ${name}.${related.titleField}`);
  return { [name]: sortEntry(schema, related, rest, spec) };
}

function badSort(spec: SortSpec, reason: string): AtriumError {
  const key = spec.path.join(".");
  return new AtriumError("bad_request", `Cannot sort by "${key}": ${reason}`, { fields: { sort: reason } });
}
