/** The order of look-up results: by label, so a picker lists "Dune · EBOOK" before "Dune · PAPERBACK". */
import type { ModelMeta, SchemaMeta } from "@atrium/core";
import { findModel } from "./buildSelect.js";
import type { Args } from "./prismaClient.js";

/**
 * By the title field, or part by part for titleParts (a relation part by its related record's title field),
 * then by the id fields so equal labels keep a stable order.
 */
export function labelOrderBy(schema: SchemaMeta, model: ModelMeta): Args[] {
  const orderBy: Args[] = [];
  const sorted = new Set<string>();
  const byField = (name: string) => {
    if (sorted.has(name)) return;
    sorted.add(name);
    orderBy.push({ [name]: "asc" });
  };
  for (const name of model.titleParts ?? [model.titleField]) {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field || field.type === "Unsupported" || field.isList) continue;
    if (field.kind !== "relation") {
      byField(name);
      continue;
    }
    const related =
      field.relation && !field.relation.toMany ? findModel(schema, field.relation.model) : undefined;
    const title = related?.fields.find((candidate) => candidate.name === related.titleField);
    // Prisma sorts by a to-one relation's scalar; a related label that is itself derived sorts by its key.
    if (title && title.kind !== "relation" && title.type !== "Unsupported") {
      orderBy.push({ [name]: { [title.name]: "asc" } });
    } else {
      for (const key of field.relation?.fromFields ?? []) byField(key);
    }
  }
  for (const name of model.idFields) byField(name);
  return orderBy;
}
