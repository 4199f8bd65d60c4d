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

/**
 * Timers the engine started that have not fired. Its glue has no clearTimeout: each push leaves a 60-second
 * timer behind, which kept `atrium push` running a minute after it had finished.
 */
const pendingTimers = new Set<ReturnType<typeof setTimeout>>();
let enginesInUse = 0;

/**
 * Runs `work` (which uses an engine) and, once no engine is in use any more, clears the timers the engines
 * left: nothing is waiting for them then, and a timer firing after `free()` would call into a freed engine.
 */
export async function withEngineTimers<T>(work: () => Promise<T>): Promise<T> {
  enginesInUse += 1;
  try {
    return await work();
  } finally {
    enginesInUse -= 1;
    if (enginesInUse === 0) {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
    }
  }
}

/** The glue's imports, its `setTimeout` tracked so that withEngineTimers can clear what the engine leaves. */
function importsOf(glue: Record<string, unknown>): WebAssembly.ModuleImports {
  const imports: Record<string, unknown> = { ...glue };
  const names = Object.keys(glue).filter((name) => name.startsWith("__wbg_setTimeout_"));
  if (names.length === 0) {
    throw new Error(
      "@prisma/schema-engine-wasm has no __wbg_setTimeout_ import any more: update loadSchemaEngine.ts for this version",
    );
  }
  for (const name of names) {
    const start = glue[name] as (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
    imports[name] = (callback: () => void, ms: number) => {
      const timer = start(() => {
        pendingTimers.delete(timer);
        callback();
      }, ms);
      pendingTimers.add(timer);
      return timer;
    };
  }
  return imports as WebAssembly.ModuleImports;
}

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
    "./schema_engine_bg.js": importsOf(glue as unknown as Record<string, unknown>),
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void };
  glue.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return glue.SchemaEngine;
}
