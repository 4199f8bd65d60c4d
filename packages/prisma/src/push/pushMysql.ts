/**
 * Creates a MySQL/MariaDB schema in the (existing, empty) database the URL names, from mysqlSchemaSql's DDL.
 *
 * Not atomic: MySQL commits every CREATE/ALTER TABLE on its own (DDL is not transactional there), so a failure
 * halfway leaves the tables created before it. The caller owns the database; a fresh one is dropped and made
 * again rather than repaired. Statements run one at a time so that a refusal names what it refused.
 */
import mariadb from "mariadb";
import { mariadbUrl } from "../runtime/mariadbUrl.js";
import type { SchemaFile } from "../schema/readDatamodel.js";
import { readDatamodel } from "../schema/readDatamodel.js";
import { findUnsupportedFields } from "../schema/unsupportedFields.js";
import { connectionError } from "./connectionError.js";
import { mysqlPushError } from "./mysqlPushError.js";
import { mysqlSchemaSql } from "./mysqlSchemaSql.js";
import { relationModeOf, viewNamesOf } from "./schemaSettings.js";

export async function pushMysql(files: SchemaFile[], url: string): Promise<void> {
  const { datamodel } = readDatamodel(files);
  const statements = mysqlSchemaSql(datamodel, {
    relationMode: relationModeOf(files),
    unsupportedFields: findUnsupportedFields(files),
    views: viewNamesOf(files),
  });
  if (statements.length === 0) return;
  const connection = await mariadb.createConnection(connectionUrl(url)).catch((error: unknown) => {
    throw connectionError("MySQL", url, error);
  });
  try {
    for (const [index, statement] of statements.entries()) {
      try {
        await connection.query(statement.sql);
      } catch (error) {
        throw mysqlPushError(error, statement, index);
      }
    }
  } finally {
    // A connection the failure broke must not replace the failure's own message.
    await connection.end().catch(() => {});
  }
}

/** A server that never answers fails the push after 10 s, unless the URL sets its own connect_timeout. */
function connectionUrl(url: string): string {
  const parsed = new URL(mariadbUrl(url));
  if (!parsed.searchParams.has("connectTimeout")) parsed.searchParams.set("connectTimeout", "10000");
  return parsed.toString();
}
