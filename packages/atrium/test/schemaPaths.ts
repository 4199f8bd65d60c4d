/** The schemas the API suites run over: the demo bookstore and @atrium/prisma's test schemas. */
import { fileURLToPath } from "node:url";
import { seedDemo } from "../../../prisma/seed/seedDemo.js";
import { type OpenTestApiOptions, openTestApi, type TestApi } from "./openTestApi.js";

export const demoSchemaPath = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));

export type TestSchemaName =
  | "saas"
  | "keys"
  | "scalars"
  | "scalars.postgres"
  | "missingDefaults"
  | "uniqueReferences"
  | "emulatedRelations"
  | "emulatedCascades"
  | "nextauth"
  | "names";

export function testSchemaPath(name: TestSchemaName): string {
  return fileURLToPath(new URL(`../../../packages/prisma/test/schemas/${name}.prisma`, import.meta.url));
}

/** Scale of the demo seed: about 3,500 rows, seeded in about 3 s, enough for several pages of every list. */
export const demoScale = 0.02;

/** A fresh demo database seeded at the small scale. */
export function openDemoApi(options: Omit<OpenTestApiOptions, "seed"> = {}): Promise<TestApi> {
  return openTestApi(demoSchemaPath, {
    ...options,
    seed: (client) => seedDemo(client, { scale: demoScale }),
  });
}
