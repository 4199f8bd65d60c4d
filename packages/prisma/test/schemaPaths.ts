/** Paths of the test schemas, shared by the tests of this package. */
import { fileURLToPath } from "node:url";

export const schemasDir = fileURLToPath(new URL("./schemas/", import.meta.url));

/** Small schemas of one shape each, for the write and error tests. */
export type TestShapeSchemaName =
  | "missingDefaults"
  | "uniqueReferences"
  | "emulatedRelations"
  | "emulatedCascades"
  | "typedKeys";

export function schemaPath(
  name: "saas" | "keys" | "scalars" | "scalars.postgres" | TestShapeSchemaName,
): string {
  return `${schemasDir}${name}.prisma`;
}
