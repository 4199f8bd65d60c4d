/** Paths of the test schemas, shared by the tests of this package. */
import { fileURLToPath } from "node:url";

export const schemasDir = fileURLToPath(new URL("./schemas/", import.meta.url));

export function schemaPath(
  name: "saas" | "keys" | "scalars" | "scalars.postgres" | "names" | "nextauth",
): string {
  return `${schemasDir}${name}.prisma`;
}
