import { readFile, rm } from "node:fs/promises";
import { generatedClientFolder, schemaForAtriumClient } from "./prepareClient.js";

/** Forgets what earlier starts prepared for a schema file, so that the next start is a first run. */
export async function clearStartupCaches(schemaPath: string): Promise<void> {
  const schemaText = schemaForAtriumClient(await readFile(schemaPath, "utf8"));
  await rm(generatedClientFolder(schemaText), { recursive: true, force: true });
}
