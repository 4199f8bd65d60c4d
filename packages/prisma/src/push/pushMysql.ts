/**
 * Creates a MySQL/MariaDB schema in the (existing, empty) database the URL names, from mysqlSchemaSql's DDL.
 *
 * Not atomic: MySQL commits every CREATE/ALTER TABLE on its own (DDL is not transactional there), so a failure
 * halfway leaves the tables created before it. The caller owns the database; a fresh one is dropped and made
 * again rather than repaired.
 */
import { AtriumError } from "@atrium/core";
import mariadb from "mariadb";
import { mariadbUrl } from "../runtime/mariadbUrl.js";
import { readDatamodel } from "../schema/readDatamodel.js";
import { mysqlSchemaSql } from "./mysqlSchemaSql.js";

export interface PushMysqlOptions {
  schemaText: string;
  url: string;
}

export async function pushMysql(options: PushMysqlOptions, fileName: string): Promise<void> {
  const { datamodel } = readDatamodel([[fileName, options.schemaText]]);
  const statements = mysqlSchemaSql(datamodel);
  if (statements.length === 0) return;
  const url = new URL(mariadbUrl(options.url));
  // All statements in one round trip; the server stops at the first that fails.
  url.searchParams.set("multipleStatements", "true");
  const connection = await mariadb.createConnection(url.toString()).catch((error: unknown) => {
    throw new AtriumError("bad_request", `Cannot connect to MySQL: ${sqlMessage(error)}`, {
      fields: { url: sqlMessage(error) },
    });
  });
  try {
    await connection.query(`${statements.join(";\n")};`);
  } catch (error) {
    throw new Error(`Creating the MySQL schema failed: ${sqlMessage(error)}`, { cause: error });
  } finally {
    await connection.end();
  }
}

/** The server's own text, without the driver's prefix that repeats connection details. */
function sqlMessage(error: unknown): string {
  if (error && typeof error === "object" && "sqlMessage" in error && typeof error.sqlMessage === "string") {
    return error.sqlMessage;
  }
  return error instanceof Error ? error.message : String(error);
}
