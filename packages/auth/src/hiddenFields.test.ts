import { model, relation, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import {
  type FieldVisibilityConfig,
  hiddenFields,
  isWriteOnlyField,
  writeOnlyFields,
} from "./hiddenFields.js";
import type { Principal } from "./permissions.js";

const user = model(
  "User",
  [
    scalar("id", "String", { isId: true }),
    scalar("email", "String"),
    scalar("passwordHash", "String"),
    scalar("tokenCount", "Int"),
    scalar("salary", "Int"),
    scalar("notes", "String"),
    scalar("apiKey", "String"),
    relation("tokens", "Token", { name: "TokenToUser", toMany: true }),
  ],
  { titleField: "email", searchFields: ["email"] },
);

const token = model("Token", [scalar("token", "String", { isId: true })]);

function who(roles: string[], isSuperuser = false): Principal {
  return { userId: "u", email: "u@example.com", isSuperuser, isActive: true, roles, permissions: new Set() };
}

describe("hiddenFields", () => {
  it("hides secret-named scalars from everyone by default, superusers included", () => {
    expect([...hiddenFields(user, who([]))]).toEqual(["passwordHash", "apiKey"]);
    expect([...hiddenFields(user, who([], true))]).toEqual(["passwordHash", "apiKey"]);
  });

  it("never hides an id field for its name: the record's address needs it", () => {
    expect(hiddenFields(token, who([])).size).toBe(0);
  });

  // Without @id, a unique criterion is the identity: its values are the record's `$id` all the same.
  const verificationToken = model(
    "VerificationToken",
    [scalar("identifier", "String"), scalar("token", "String"), scalar("secret", "String")],
    { idFields: ["identifier", "token"], idKind: "compoundUnique", idSelectorName: "identifier_token" },
  );
  const sessionByToken = model("Session", [scalar("sessionToken", "String", { isUnique: true })], {
    idFields: ["sessionToken"],
    idKind: "unique",
  });

  it("shows every field of an identity without @id, whatever its name", () => {
    expect([...hiddenFields(verificationToken, who([]))]).toEqual(["secret"]);
    expect(hiddenFields(sessionByToken, who([], true)).size).toBe(0);
  });

  it("ignores a rule that would hide or write-protect an identity field (the start-up check refuses it)", () => {
    const hiding: FieldVisibilityConfig = {
      models: {
        "verification-token": { token: "hidden", identifier: { visibleTo: ["support"] } },
        session: { sessionToken: "writeOnly" },
      },
    };
    expect([...hiddenFields(verificationToken, who([]), hiding)]).toEqual(["secret"]);
    expect(hiddenFields(sessionByToken, who([]), hiding).size).toBe(0);
    expect(writeOnlyFields(sessionByToken, hiding).size).toBe(0);
  });

  const config: FieldVisibilityConfig = {
    models: {
      user: {
        apiKey: "visible",
        notes: "hidden",
        salary: { visibleTo: ["hr"] },
        email: { hiddenFrom: ["contractor"] },
      },
    },
  };

  it.each([
    ["no role", who([]), ["passwordHash", "salary", "notes"]],
    ["hr", who(["hr"]), ["passwordHash", "notes"]],
    ["contractor", who(["contractor"]), ["email", "passwordHash", "salary", "notes"]],
    ["hr and contractor: hiding wins", who(["hr", "contractor"]), ["email", "passwordHash", "notes"]],
    ["superuser", who([], true), ["passwordHash", "notes"]],
    ["nobody signed in", null, ["passwordHash", "salary", "notes"]],
  ])("applies the configuration for %s", (_name, principal, expected) => {
    expect([...hiddenFields(user, principal, config)]).toEqual(expected);
  });

  it("can turn secret detection off", () => {
    expect(hiddenFields(user, who([]), { hideSecretNames: false }).size).toBe(0);
  });
});

describe("writeOnlyFields", () => {
  const config: FieldVisibilityConfig = {
    models: { user: { passwordHash: "writeOnly", notes: "writeOnly" } },
  };

  it("hides write-only fields from everyone, superusers included, like hidden ones", () => {
    expect([...hiddenFields(user, who([]), config)]).toEqual(["passwordHash", "notes", "apiKey"]);
    expect([...hiddenFields(user, who(["hr"], true), config)]).toEqual(["passwordHash", "notes", "apiKey"]);
  });

  it("names only the fields configured writeOnly: a secret name alone never makes a field writable", () => {
    expect([...writeOnlyFields(user, config)]).toEqual(["passwordHash", "notes"]);
    expect(writeOnlyFields(user).size).toBe(0);
    expect(isWriteOnlyField(config, "user", "notes")).toBe(true);
    expect(isWriteOnlyField(config, "user", "apiKey")).toBe(false);
    expect(isWriteOnlyField(config, "token", "notes")).toBe(false);
  });
});
