import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { hiddenFields } from "@atrium/auth";
import type { SchemaMeta } from "@atrium/core";
import { loadSchemaMeta, loadSchemaMetaFromFile } from "@atrium/prisma";
import { beforeAll, describe, expect, it } from "vitest";
import demoConfig from "../../../../atrium.config.js";
import { checkFieldsConfig } from "./checkFieldsConfig.js";
import { formatChecks, formatWarnings } from "./configCheck.js";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const demoSchemaPath = resolve(repository, "prisma/schema.prisma");
const testSchemaPath = (name: string) => resolve(repository, `packages/prisma/test/schemas/${name}.prisma`);
let schema: SchemaMeta;

beforeAll(async () => {
  schema = await loadSchemaMetaFromFile(demoSchemaPath);
});

function codesOf(fields: unknown) {
  return checkFieldsConfig(fields, schema).checks.map((check) => `${check.code} ${check.message}`);
}

describe("checkFieldsConfig", () => {
  it("turns 'Model.field' rules into the auth options' per-model-key rules, by name or by URL key", () => {
    const result = checkFieldsConfig(
      {
        "Customer.phone": "hidden",
        "customer.apiToken": "visible",
        "OrderItem.unitPrice": { visibleTo: ["accounting"] },
        "Book.subtitle": { hiddenFrom: ["interns"] },
      },
      schema,
    );
    expect(result.checks).toEqual([]);
    expect(result.visibility.models).toEqual({
      customer: { phone: "hidden", apiToken: "visible" },
      "order-item": { unitPrice: { visibleTo: ["accounting"] } },
      book: { subtitle: { hiddenFrom: ["interns"] } },
    });
    const customer = schema.models.find((model) => model.name === "Customer");
    if (!customer) throw new Error("the demo schema has a Customer model");
    const hidden = hiddenFields(
      customer,
      {
        userId: "1",
        email: "a@b.c",
        isSuperuser: true,
        isActive: true,
        roles: [],
        permissions: new Set<string>(),
      },
      result.visibility,
    );
    expect([...hidden]).toEqual(["phone"]);
  });

  it("accepts no fields key at all", () => {
    const result = checkFieldsConfig(undefined, schema);
    expect(result.checks).toEqual([]);
    expect(result.visibility).toEqual({});
  });

  it('accepts "writeOnly" on a text field, hidden from everyone but listed as settable', () => {
    const result = checkFieldsConfig(
      { "Staff.passwordHash": "writeOnly", "customer.phone": "writeOnly" },
      schema,
    );
    expect(result.checks).toEqual([]);
    expect(result.visibility.models).toEqual({
      staff: { passwordHash: "writeOnly" },
      customer: { phone: "writeOnly" },
    });
  });

  it("atrium.E001: names an unknown model and the model that was probably meant", () => {
    expect(codesOf({ "Boook.title": "hidden" })).toEqual([
      "atrium.E001 unknown model 'Boook' in fields; did you mean 'Book'?",
    ]);
    expect(codesOf({ "Spaceship.name": "hidden" })).toEqual([
      "atrium.E001 unknown model 'Spaceship' in fields.",
    ]);
  });

  it("atrium.E002: names an unknown field and the field that was probably meant", () => {
    expect(codesOf({ "Customer.apiTokn": "hidden" })).toEqual([
      "atrium.E002 unknown field 'apiTokn' on model 'Customer' in fields; did you mean 'apiToken'?",
    ]);
  });

  it("atrium.E003: refuses keys that are not 'Model.field' and a fields value that is not an object", () => {
    expect(codesOf({ apiToken: "hidden", "Customer.": "hidden", "a.b.c": "hidden" })).toEqual([
      "atrium.E003 fields key 'apiToken' must be 'Model.field' (e.g. 'Customer.apiToken').",
      "atrium.E003 fields key 'Customer.' must be 'Model.field' (e.g. 'Customer.apiToken').",
      "atrium.E003 fields key 'a.b.c' must be 'Model.field' (e.g. 'Customer.apiToken').",
    ]);
    expect(codesOf(["Customer.apiToken"])[0]).toMatch(/^atrium\.E003 'fields' must be an object/);
  });

  it("atrium.E004: refuses an access that is not hidden, visible, writeOnly, visibleTo or hiddenFrom", () => {
    const messages = codesOf({
      "Customer.phone": "hiden",
      "Customer.email": { visibleTo: "support" },
      "Customer.firstName": { showTo: ["support"] },
      "Customer.lastName": { hiddenFrom: ["", 3] },
      "Customer.apiToken": "write-only",
    });
    expect(messages).toHaveLength(5);
    for (const message of messages) expect(message).toMatch(/^atrium\.E004 fields\['Customer\.\w+'\]/);
    expect(messages[0]).toContain('got "hiden"');
    expect(messages[2]).toContain("keys showTo");
    expect(messages[4]).toContain('must be "hidden", "visible", "writeOnly"');
  });

  it("atrium.E005: refuses to hide an id field, which is in every record URL", () => {
    expect(codesOf({ "Customer.id": { hiddenFrom: ["support"] } })[0]).toMatch(
      /^atrium\.E005 fields\['Customer\.id'\] cannot hide 'id'/,
    );
    expect(codesOf({ "Customer.id": "writeOnly" })[0]).toMatch(/^atrium\.E005 fields\['Customer\.id'\]/);
    expect(codesOf({ "Customer.id": "visible" })).toEqual([]);
  });

  it("atrium.E006: refuses two rules for the same field (name and URL key spellings)", () => {
    expect(codesOf({ "OrderItem.unitPrice": "hidden", "order-item.unitPrice": "visible" })).toEqual([
      "atrium.E006 fields['order-item.unitPrice'] configures the same field as fields['OrderItem.unitPrice']; keep one of them.",
    ]);
  });

  it('atrium.E007: refuses "writeOnly" on what a form cannot write as text', () => {
    expect(
      codesOf({
        "Book.pageCount": "writeOnly",
        "Book.author": "writeOnly",
        "Book.updatedAt": "writeOnly",
        "Staff.role": "writeOnly",
      }),
    ).toEqual([
      `atrium.E007 fields['Book.pageCount'] cannot be "writeOnly": 'pageCount' is of type Int. Only text (String) fields that forms write can be write-only.`,
      `atrium.E007 fields['Book.author'] cannot be "writeOnly": 'author' is a relation. Only text (String) fields that forms write can be write-only.`,
      `atrium.E007 fields['Book.updatedAt'] cannot be "writeOnly": 'updatedAt' is read-only (the database sets it). Only text (String) fields that forms write can be write-only.`,
      `atrium.E007 fields['Staff.role'] cannot be "writeOnly": 'role' is of type StaffRole. Only text (String) fields that forms write can be write-only.`,
    ]);
    // A text foreign key is chosen through its relation's picker, never typed.
    const textKeys: SchemaMeta = {
      ...schema,
      models: schema.models.map((model) =>
        model.name !== "Book"
          ? model
          : {
              ...model,
              fields: model.fields.map((field) =>
                field.name === "authorId" ? { ...field, type: "String" } : field,
              ),
            },
      ),
    };
    expect(checkFieldsConfig({ "Book.authorId": "writeOnly" }, textKeys).checks[0]?.message).toContain(
      `'authorId' is the key of the relation 'author', chosen in its picker`,
    );
  });

  it("atrium.W001: warns (without stopping the start) about a required field nobody can see or set", () => {
    const warningsOf = (fields: unknown) =>
      checkFieldsConfig(fields, schema).warnings.map((check) => `${check.code} ${check.message}`);
    // The demo's Staff.passwordHash is secret-named, so hidden from everyone by default.
    const staff = `atrium.W001 Staff.passwordHash is required, has no default and is hidden from everyone, so Staff records cannot be created in the admin; add "Staff.passwordHash": "writeOnly" to fields to let users set it without seeing it (or "visible" to show it).`;
    expect(warningsOf(undefined)).toEqual([staff]);
    expect(checkFieldsConfig(undefined, schema).checks).toEqual([]);
    expect(warningsOf({ "Staff.passwordHash": "writeOnly" })).toEqual([]);
    expect(warningsOf({ "Staff.passwordHash": "visible" })).toEqual([]);
    // Superusers see a field shown to some roles, so they can still create the model.
    expect(warningsOf({ "Staff.passwordHash": { visibleTo: ["hr"] } })).toEqual([]);
    expect(warningsOf({ "Staff.passwordHash": "writeOnly", "Customer.firstName": "hidden" })).toEqual([
      expect.stringMatching(/^atrium\.W001 Customer\.firstName is required, has no default/),
    ]);
    // Optional or defaulted fields hide nothing a create needs.
    expect(
      warningsOf({ "Staff.passwordHash": "writeOnly", "Customer.phone": "hidden", "Staff.role": "hidden" }),
    ).toEqual([]);
    expect(formatWarnings(checkFieldsConfig(undefined, schema).warnings)).toBe(
      `The config has 1 warning (the server starts anyway):\n  ${staff}`,
    );
  });

  it("atrium.W002: says that a rule hiding one side of a relation hides the other side too", () => {
    const warningsOf = (fields: Record<string, unknown>) =>
      checkFieldsConfig({ "Staff.passwordHash": "writeOnly", ...fields }, schema).warnings.map(
        (check) => `${check.code} ${check.message}`,
      );
    const support = { hiddenFrom: ["support"] };
    expect(warningsOf({ "Review.customer": support })).toEqual([
      `atrium.W002 Review.customer is hidden by a rule, so it also hides Review.customerId, Customer.reviews from the same users: a relation, the key that holds it and its other end are one secret. Configure them the same way to say so, or make Review.customer "visible".`,
    ]);
    // Hiding the key hides the relation; a required key nobody can set makes the model uncreatable.
    expect(warningsOf({ "Order.customerId": "hidden" })).toEqual([
      expect.stringMatching(
        /^atrium\.W001 Order\.customerId is required, has no default and is hidden from everyone/,
      ),
      expect.stringMatching(
        /^atrium\.W002 Order\.customerId is hidden by a rule, so it also hides Order\.customer, Customer\.orders from/,
      ),
    ]);
    // Saying the same of every side is saying it was meant.
    expect(
      warningsOf({ "Review.customer": support, "Review.customerId": support, "Customer.reviews": support }),
    ).toEqual([]);
    expect(warningsOf({ "Review.customer": "visible" })).toEqual([]);
    // A key that is part of the record's id is never hidden: the rule cannot hide the link.
    expect(warningsOf({ "OrderItem.order": "hidden" })).toEqual([
      expect.stringMatching(
        /^atrium\.W002 OrderItem\.order is hidden by a rule, so it also hides Order\.items from the same users: .* OrderItem\.orderId still shows the link: it is part of a record's id, which is never hidden\.$/,
      ),
    ]);
  });

  it("atrium.W001 advises only what the config accepts, per field type, and following it silences it", () => {
    const types = [
      "String",
      "Int",
      "BigInt",
      "Float",
      "Decimal",
      "Boolean",
      "DateTime",
      "Json",
      "Bytes",
      "Kind",
    ];
    const required = types.map((type) => `  f${type} ${type}`).join("\n");
    const anySchema = loadSchemaMeta(
      [
        'datasource db {\n  provider = "postgresql"\n}',
        "enum Kind {\n  A\n  B\n}",
        "model Owner {\n  id String @id\n  things Thing[]\n}",
        `model Thing {\n  id Int @id @default(autoincrement())\n${required}\n  ownerId String\n  owner Owner @relation(fields: [ownerId], references: [id])\n}`,
      ].join("\n"),
    );
    const names = [...types.map((type) => `f${type}`), "ownerId"];
    const hideAll = Object.fromEntries(names.map((name) => [`Thing.${name}`, "hidden"]));
    const { checks, warnings } = checkFieldsConfig(hideAll, anySchema);
    expect(checks).toEqual([]);
    // Hiding a relation's key also warns that it hides the relation (W002); the advice is W001's.
    const advice = new Map(
      warnings
        .filter((warning) => warning.code === "atrium.W001")
        .map((warning) => {
          const line = /add "Thing\.(\w+)": "(\w+)" to fields/.exec(warning.message);
          if (!line) throw new Error(`no config line in ${warning.message}`);
          return [line[1], line[2]];
        }),
    );
    // Only free text can stay unseen; a foreign key is chosen in its picker, so it must be shown.
    expect(Object.fromEntries(advice)).toEqual({
      fString: "writeOnly",
      ...Object.fromEntries(types.slice(1).map((type) => [`f${type}`, "visible"])),
      ownerId: "visible",
    });
    expect(warnings.find((warning) => warning.message.startsWith("Thing.fJson"))?.message).toContain(
      `add "Thing.fJson": "visible" to fields to let users set it (it cannot be "writeOnly": 'fJson' is of type Json).`,
    );
    const followed = Object.fromEntries([...advice].map(([name, access]) => [`Thing.${name}`, access]));
    const after = checkFieldsConfig(followed, anySchema);
    expect([...after.checks, ...after.warnings]).toEqual([]);
  });

  it("atrium.W001 on secret-named fields: a Json secret is advised visible, a text one writeOnly", async () => {
    const names = await loadSchemaMetaFromFile(testSchemaPath("names"));
    expect(checkFieldsConfig(undefined, names).warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /^Credentials\.secret is required.*; add "Credentials\.secret": "visible" to fields/,
      ),
      expect.stringMatching(
        /^APIKey\.secretKey is required.*; add "APIKey\.secretKey": "writeOnly" to fields/,
      ),
    ]);
    const followed = { "Credentials.secret": "visible", "APIKey.secretKey": "writeOnly" };
    const after = checkFieldsConfig(followed, names);
    expect([...after.checks, ...after.warnings]).toEqual([]);
  });

  it("atrium.E005: refuses to hide any field of an identity without @id, and shows them by default", async () => {
    const nextauth = await loadSchemaMetaFromFile(testSchemaPath("nextauth"));
    const codes = (fields: unknown) =>
      checkFieldsConfig(fields, nextauth).checks.map((check) => check.message);
    expect(codes({ "VerificationToken.token": "hidden" })).toEqual([
      "fields['VerificationToken.token'] cannot hide 'token': it identifies VerificationToken records and is part of their URLs.",
    ]);
    expect(codes({ "LoginToken.token": "writeOnly" })[0]).toMatch(
      /^fields\['LoginToken\.token'\] cannot hide/,
    );
    expect(codes({ "login-token.identifier": { hiddenFrom: ["support"] } })[0]).toMatch(
      /cannot hide 'identifier'/,
    );
    expect(codes({ "LoginToken.token": "visible", "Session.sessionToken": "hidden" })).toEqual([]);
    // Only the session token (not an identity: Session has an @id) is hidden, so only Session is uncreatable.
    const { warnings } = checkFieldsConfig(undefined, nextauth);
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^Session\.sessionToken is required.*"Session\.sessionToken": "writeOnly"/),
    ]);
  });

  it("passes the demo's own rules without a problem or a warning: its staff can be created", () => {
    const result = checkFieldsConfig(demoConfig.fields, schema);
    expect([...result.checks, ...result.warnings]).toEqual([]);
    expect(result.visibility.models?.staff).toEqual({ passwordHash: "writeOnly" });
  });

  it("reports every problem at once, one line each, for the error that stops the server", () => {
    const { checks } = checkFieldsConfig({ "Boook.title": "hidden", "Customer.apiTokn": "hidden" }, schema);
    expect(formatChecks(checks)).toBe(
      [
        "The config has 2 problems:",
        "  atrium.E001 unknown model 'Boook' in fields; did you mean 'Book'?",
        "  atrium.E002 unknown field 'apiTokn' on model 'Customer' in fields; did you mean 'apiToken'?",
      ].join("\n"),
    );
  });
});
