/** SQLite: the schema engine's own `schemaPush` over the better-sqlite3 adapter, like `prisma db push`. */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SchemaFile } from "../schema/readDatamodel.js";
import { driverMessage, PushError } from "./pushError.js";
import { emptyFilters, runEngine, withSchemaEngine } from "./runSchemaEngine.js";
import { quoteSqliteJsonDefaults } from "./sqliteJsonDefaults.js";

export async function pushSqlite(files: SchemaFile[], url: string, acceptDataLoss: boolean): Promise<void> {
  const path = url.slice("file:".length).split("?")[0] ?? "";
  if (path !== ":memory:") {
    await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
      throw new PushError(
        "bad_request",
        `Cannot create the folder of the SQLite file ${path}: ${driverMessage(error)}`,
        "Choose a path in a folder you may write to, in --url file:/path/to/database.db.",
        { cause: error },
      );
    });
  }
  // Prisma writes `Json @default("{}")` unquoted on SQLite, which SQLite refuses (prisma/orm#26571).
  const quoted = files.map(([fileName, content]): SchemaFile => [fileName, quoteSqliteJsonDefaults(content)]);
  const schema = { files: quoted.map(([fileName, content]) => ({ path: fileName, content })) };
  await withSchemaEngine(quoted, new PrismaBetterSqlite3({ url }), async (engine) => {
    const result = await runEngine(() =>
      engine.schemaPush({ schema, force: acceptDataLoss, filters: emptyFilters }),
    );
    const problems = [...result.unexecutable, ...(acceptDataLoss ? [] : result.warnings)];
    if (problems.length > 0) {
      throw new PushError(
        "conflict",
        `The schema push was not applied:\n${problems.join("\n")}`,
        "The database holds data this change would lose or cannot keep; back it up, then push with data loss accepted, or push into a new file.",
      );
    }
  });
}
