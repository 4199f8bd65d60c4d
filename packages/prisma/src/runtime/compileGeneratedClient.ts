/**
 * Prisma's `prisma-client` generator writes TypeScript only. A server running from compiled JavaScript (no tsx)
 * cannot import that, so each generated client also gets one JavaScript module, `client.mjs`: the runtime part
 * of the client (types stripped, its own files bundled, @prisma/client left as an import). A few hundred
 * milliseconds once per schema, at generation.
 */
import { rename } from "node:fs/promises";
import { join } from "node:path";

export const compiledClientFile = "client.mjs";

export async function compileGeneratedClient(clientFolder: string): Promise<void> {
  // Loaded here: only generation needs esbuild, never a start whose client exists.
  const { build } = await import("esbuild");
  // Written aside and renamed into place: another process never imports half a module.
  const scratch = join(clientFolder, `${compiledClientFile}.${process.pid}.tmp`);
  await build({
    entryPoints: [join(clientFolder, "client.ts")],
    outfile: scratch,
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "silent",
  });
  await rename(scratch, join(clientFolder, compiledClientFile));
}
