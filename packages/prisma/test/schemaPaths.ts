/** Paths of the test schemas, shared by the tests of this package. */
import { fileURLToPath } from "node:url";

export const schemasDir = fileURLToPath(new URL("./schemas/", import.meta.url));

/** Small schemas of one shape each, for the write and error tests. */
export type TestShapeSchemaName =
  | "missingDefaults"
  | "uniqueReferences"
  | "emulatedRelations"
  | "emulatedCascades"
  | "typedKeys"
  | "relationCounts";

export type TestSchemaFile =
  | "saas"
  | "keys"
  | "scalars"
  | "scalars.postgres"
  | "compoundRelations"
  | "extensions.postgres"
  | "vector.postgres"
  | "nativeTypes.mysql"
  | "names"
  | "nextauth"
  | TestShapeSchemaName;

export function schemaPath(name: TestSchemaFile): string {
  return `${schemasDir}${name}.prisma`;
}
