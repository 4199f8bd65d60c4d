/**
 * Loads Prisma's schema engine compiled to WebAssembly (`@prisma/schema-engine-wasm`, Prisma's internal API,
 * pinned in package.json and covered by pushSchema.test.ts so an upgrade that breaks it fails loudly).
 *
 * The package's entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 only accepts with
 * `--experimental-wasm-modules`; so we import its JavaScript glue and instantiate the `.wasm` bytes ourselves.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as Glue from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngineClass = typeof Glue.SchemaEngine;

declare global {
  // Read by the wasm glue when the engine panics; without it a panic surfaces as "reading 'set_message'".
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}

/** The message of the engine's last panic, to put into the error a caller sees. */
let lastPanic: string | undefined;

export function takeLastPanic(): string | undefined {
  const message = lastPanic;
  lastPanic = undefined;
  return message;
}

let loading: Promise<SchemaEngineClass> | undefined;

/** Instantiates the engine once per process. */
export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function instantiate(): Promise<SchemaEngineClass> {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      lastPanic = message;
    },
  };
  // Imported here, not at the top: only pushes need the engine, and serving never loads it.
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const require = createRequire(import.meta.url);
  // The package exports no package.json; its glue file sits next to the wasm.
  const glueFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(join(dirname(glueFile), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void };
  glue.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return glue.SchemaEngine;
}
