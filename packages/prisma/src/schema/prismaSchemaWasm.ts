/**
 * Prisma's schema parser compiled to WebAssembly, loaded on first use: compiling its module costs a few hundred
 * milliseconds at start-up, and a server whose metadata comes from the cache (schemaMetaCache.ts) and whose
 * client is already generated never needs it. The package is CommonJS, so `require` keeps its API synchronous.
 */
import { createRequire } from "node:module";
import type * as SchemaWasm from "@prisma/prisma-schema-wasm";

let loaded: typeof SchemaWasm | undefined;

export function prismaSchemaWasm(): typeof SchemaWasm {
  loaded ??= createRequire(import.meta.url)("@prisma/prisma-schema-wasm") as typeof SchemaWasm;
  return loaded;
}
