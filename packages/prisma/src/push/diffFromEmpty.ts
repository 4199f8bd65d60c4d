/**
 * The SQL that creates a schema in an empty database, from Prisma's own schema engine (`diff` from "empty"),
 * which reads no database: what `prisma migrate diff --from-empty --to-schema-datamodel --script` prints.
 */
import type { SchemaFile } from "../schema/readDatamodel.js";
import { emptyFilters, runEngine, withSchemaEngine } from "./runSchemaEngine.js";

export async function diffFromEmpty(schemaText: string, fileName = "schema.prisma"): Promise<string> {
  const files: SchemaFile[] = [[fileName, schemaText]];
  // `diff` from "empty" never connects, but the engine wants an adapter to be built with.
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  return withSchemaEngine(files, new PrismaBetterSqlite3({ url: ":memory:" }), async (engine) => {
    const result = await runEngine(() =>
      engine.diff({
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [{ path: fileName, content: schemaText }] },
        script: true,
        exitCode: null,
        filters: emptyFilters,
      }),
    );
    return result.stdout ?? "";
  });
}
