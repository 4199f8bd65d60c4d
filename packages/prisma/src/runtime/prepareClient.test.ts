import { describe, expect, it } from "vitest";
import { schemaForAtriumClient } from "./prepareClient.js";

const userSchema = `generator client {
  provider = "prisma-client-js"
  previewFeatures = ["driverAdapters"]
}

datasource db {
  provider  = "postgresql"
  url       = env("DATABASE_URL")
  directUrl = env("DIRECT_URL")
}

model Post {
  id Int @id
}
`;

describe("schemaForAtriumClient", () => {
  it("replaces the user's generators with Atrium's own and keeps the models", () => {
    const result = schemaForAtriumClient(userSchema);
    expect(result).toContain('provider = "prisma-client"\n  output   = "./client"');
    expect(result).not.toContain("prisma-client-js");
    expect(result).toContain("model Post {");
  });

  it("drops datasource URLs, which Prisma 7 refuses in a schema", () => {
    const result = schemaForAtriumClient(userSchema);
    expect(result).toContain('provider  = "postgresql"');
    expect(result).not.toContain("DATABASE_URL");
    expect(result).not.toContain("DIRECT_URL");
  });

  it("keeps the preview features this Prisma knows, so that extensions = [...] stays valid", () => {
    const result = schemaForAtriumClient(
      userSchema.replace('["driverAdapters"]', '["postgresqlExtensions", "driverAdapters", "views"]'),
    );
    // driverAdapters is no preview feature any more: Prisma would warn about it.
    expect(result).toContain(
      'output   = "./client"\n  previewFeatures = ["postgresqlExtensions","views"]\n}',
    );
    expect(schemaForAtriumClient(userSchema)).not.toContain("previewFeatures");
  });
});
