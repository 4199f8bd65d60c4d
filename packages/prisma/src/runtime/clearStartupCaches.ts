import { readFile, rm } from "node:fs/promises";
import { schemaMetaCacheFile } from "../schema/schemaMetaCache.js";
import { generatedClientFolder, schemaForAtriumClient } from "./prepareClient.js";

/**
 * Forgets what earlier starts prepared for a schema file (its generated client and its cached metadata), so
 * that the next start is a first run. For benchmarks and for users who suspect a stale cache.
 */
export async function clearStartupCaches(schemaPath: string): Promise<void> {
  const schemaText = schemaForAtriumClient(await readFile(schemaPath, "utf8"));
  await rm(generatedClientFolder(schemaText), { recursive: true, force: true });
  await rm(await schemaMetaCacheFile(schemaPath), { force: true });
}
