/**
 * Generates a Prisma Client offline: `tsx packages/prisma/src/cli/generateClient.ts <schema.prisma>`.
 *
 * Prisma 7's CLI downloads its native schema engine before any command, `generate` included, and fails without
 * internet. Generation itself never runs that engine, and the CLI skips the download when
 * PRISMA_SCHEMA_ENGINE_BINARY names an existing file; so we point it at a file that is sure to exist (node).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

export interface GenerateClientOptions {
  /** Working directory of the CLI (where it looks for prisma.config.ts). @default process.cwd() */
  cwd?: string;
  /** Print the CLI's output instead of only returning it in errors. @default false */
  verbose?: boolean;
  /** Extra environment variables for the CLI. */
  env?: Record<string, string>;
}

export async function generateClient(schemaPath: string, options: GenerateClientOptions = {}): Promise<void> {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const args = [cli, "generate", "--schema", resolve(schemaPath)];
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    // No update check, no telemetry: both would reach for the network.
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...options.env,
  };
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? process.cwd(), env, stdio: "pipe" });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.verbose) process.stdout.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", fail);
    child.on("close", (code) => {
      if (code === 0) done();
      else fail(new Error(`prisma generate failed (exit code ${code}) for ${schemaPath}:\n${output.trim()}`));
    });
  });
}

async function main(argv: string[]): Promise<void> {
  const schemaPath = argv[0];
  if (!schemaPath) {
    console.error("Usage: tsx packages/prisma/src/cli/generateClient.ts <schema.prisma>");
    process.exitCode = 2;
    return;
  }
  try {
    await generateClient(schemaPath, { verbose: true });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
