import { describe, expect, it } from "vitest";
import { loadSchemaMeta } from "./loadSchemaMeta.js";

const schema = `datasource db {
  provider = "sqlite"
}

model audit_log {
  id Int @id
}

model AuditLog {
  id Int @id
}

model ApiKey {
  id Int @id
}

model APIKey {
  id Int @id
}

model Apikey {
  id Int @id
}
`;

describe("model keys", () => {
  // A legacy snake_case table beside the model that replaced it: the second was unreachable, every URL
  // naming the first.
  it("gives every model a URL key of its own, the first of a kind keeping the plain one", () => {
    const keys = Object.fromEntries(loadSchemaMeta(schema).models.map((model) => [model.name, model.key]));
    expect(keys).toEqual({
      audit_log: "audit-log",
      AuditLog: "auditlog",
      ApiKey: "api-key",
      APIKey: "apikey",
      Apikey: "apikey-2",
    });
  });
});
