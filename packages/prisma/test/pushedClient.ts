/**
 * A generated Prisma Client over a database a test has pushed a schema into: the proof that Prisma agrees with
 * the DDL is that its own queries run there.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClientForSchema, type GenericPrismaClient } from "../src/runtime/prepareClient.js";

// biome-ignore lint/suspicious/noExplicitAny: every schema generates a different client type.
type UntypedClient = GenericPrismaClient & Record<string, any>;

export async function pushedClient(schemaText: string, url: string): Promise<UntypedClient> {
  const folder = await mkdtemp(join(tmpdir(), "atrium-pushed-"));
  const file = join(folder, "schema.prisma");
  await writeFile(file, schemaText);
  return createClientForSchema(file, url);
}
