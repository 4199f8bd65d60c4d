/** Paths of the test schemas, shared by the tests of this package. */
import { fileURLToPath } from "node:url";

export const schemasDir = fileURLToPath(new URL("./schemas/", import.meta.url));

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
  | "nextauth";

export function schemaPath(name: TestSchemaFile): string {
  return `${schemasDir}${name}.prisma`;
}
