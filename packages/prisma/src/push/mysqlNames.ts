/** Quoting and Prisma's default names on MySQL, where identifiers have at most 64 characters. */
import type { DmmfModel } from "../schema/readDatamodel.js";

export const maxIdentifier = 64;

/** Prisma's tables: utf8mb4 with the unicode_ci collation, whatever the server's default. */
export const tableOptions = "DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

export function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

/** `Table_a_b_key`; cut to MySQL's 64 characters while keeping the suffix, as Prisma does. */
export function constraintName(table: string, columns: string[], suffix: string): string {
  const body = `${table}_${columns.join("_")}`;
  const tail = `_${suffix}`;
  return body.length + tail.length > maxIdentifier
    ? `${body.slice(0, maxIdentifier - tail.length)}${tail}`
    : body + tail;
}

export interface JoinTableNames {
  table: string;
  unique: string;
  index: string;
  foreignKeyA: string;
  foreignKeyB: string;
}

/**
 * An implicit many-to-many table's names, cut the way Prisma cuts them: the table to 64 characters, the unique
 * and index names to fit their suffixes, and the foreign keys' to leave room for `_A_fkey`/`_B_fkey`.
 */
export function joinTableNames(relationName: string): JoinTableNames {
  const table = `_${relationName}`.slice(0, maxIdentifier);
  const fitted = (suffix: string) => `${table.slice(0, maxIdentifier - suffix.length)}${suffix}`;
  const keyRoom = maxIdentifier - "_fkey".length - 2;
  const keyBody = table.length > keyRoom ? table.slice(0, keyRoom) : table;
  return {
    table,
    unique: fitted("_AB_unique"),
    index: fitted("_B_index"),
    foreignKeyA: `${keyBody}_A_fkey`,
    foreignKeyB: `${keyBody}_B_fkey`,
  };
}

export function quote(identifier: string): string {
  return `\`${identifier.replaceAll("`", "``")}\``;
}

/** Backslashes escape in MySQL's default SQL mode, so they are doubled along with quotes. */
export function quoteText(text: string): string {
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}
