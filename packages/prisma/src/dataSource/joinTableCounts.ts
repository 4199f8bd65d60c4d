/**
 * Counts in the join table of an implicit many-to-many relation, for given ids of one side. Prisma has no query
 * that groups that table by one column for a few keys (its `_count` groups the whole table, and a `some` filter
 * on the other side reads every link of the related records), so this is the one raw statement:
 * `SELECT "A", COUNT(*) FROM "_Rel" WHERE "A" IN (...) GROUP BY "A"`, which the table's own indexes answer
 * (Prisma creates a unique index on (A, B) and an index on B).
 */
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { findModel } from "./buildSelect.js";
import type { QueryClient } from "./prismaClient.js";
import type { CountSettings } from "./relationCounts.js";

/** Where a many-to-many relation keeps its links, and which column holds a given side's ids. */
export interface JoinTable {
  /** The table name, qualified by its database schema when the datasource lists several. */
  table: string[];
  /** "A" or "B". */
  column: "A" | "B";
}

/**
 * Prisma's naming: the table is `_` + the relation name, in the database schema of model A; model A is the one
 * whose name sorts first, and for a self-relation the side whose field name sorts first (compared as bytes, as
 * Prisma's Rust does). Column A holds model A's ids.
 */
export function joinTableOf(settings: CountSettings, model: ModelMeta, field: FieldMeta): JoinTable {
  const relation = field.relation;
  const related = relation && findModel(settings.schema, relation.model);
  if (!relation?.isManyToMany || !related || relation.backField === undefined) {
    throw new Error(`${model.name}.${field.name} is not an implicit many-to-many relation`);
  }
  const thisSideFirst =
    model.name === related.name ? field.name < relation.backField : model.name < related.name;
  const modelA = thisSideFirst ? model : related;
  const name = `_${relation.name}`;
  // Prisma's own queries name PostgreSQL's `public` schema when a model names none; so does this, rather than
  // follow the connection's search_path, which looks in a schema named after the user first.
  const databaseSchema = modelA.dbSchema ?? (settings.provider === "postgresql" ? "public" : undefined);
  return { table: databaseSchema ? [databaseSchema, name] : [name], column: thisSideFirst ? "A" : "B" };
}

/** How many links each of `ids` (ids of `model`) has through `field`; ids without any are left out. */
export async function countJoinRows(
  client: QueryClient,
  settings: CountSettings,
  model: ModelMeta,
  field: FieldMeta,
  ids: unknown[],
): Promise<{ key: unknown; count: number }[]> {
  if (!client.$queryRawUnsafe) {
    throw new Error(
      "The Prisma client has no $queryRawUnsafe; Atrium needs it to count many-to-many relations",
    );
  }
  const { table, column } = joinTableOf(settings, model, field);
  const quote = (name: string) =>
    settings.provider === "mysql" ? `\`${name.replaceAll("`", "``")}\`` : `"${name.replaceAll('"', '""')}"`;
  const placeholders = ids.map((_, at) => (settings.provider === "postgresql" ? `$${at + 1}` : "?"));
  const sql = [
    `SELECT ${quote(column)} AS ${quote("owner")}, COUNT(*) AS ${quote("links")}`,
    `FROM ${table.map(quote).join(".")}`,
    `WHERE ${quote(column)} IN (${placeholders.join(", ")})`,
    `GROUP BY ${quote(column)}`,
  ].join(" ");
  const found = (await client.$queryRawUnsafe(sql, ...ids)) as { owner: unknown; links: unknown }[];
  return found.map((row) => ({ key: row.owner, count: Number(row.links) }));
}
