import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { hiddenFields } from "@atrium/auth";
import type { SchemaMeta } from "@atrium/core";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { beforeAll, describe, expect, it } from "vitest";
import { checkFieldsConfig, formatChecks } from "./checkFieldsConfig.js";

const demoSchemaPath = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../prisma/schema.prisma");
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
    expect(checkFieldsConfig(undefined, schema)).toEqual({ checks: [], visibility: {} });
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

  it("atrium.E004: refuses an access that is not hidden, visible, visibleTo or hiddenFrom", () => {
    const messages = codesOf({
      "Customer.phone": "hiden",
      "Customer.email": { visibleTo: "support" },
      "Customer.firstName": { showTo: ["support"] },
      "Customer.lastName": { hiddenFrom: ["", 3] },
    });
    expect(messages).toHaveLength(4);
    for (const message of messages) expect(message).toMatch(/^atrium\.E004 fields\['Customer\.\w+'\]/);
    expect(messages[0]).toContain('got "hiden"');
    expect(messages[2]).toContain("keys showTo");
  });

  it("atrium.E005: refuses to hide an id field, which is in every record URL", () => {
    expect(codesOf({ "Customer.id": { hiddenFrom: ["support"] } })[0]).toMatch(
      /^atrium\.E005 fields\['Customer\.id'\] cannot hide 'id'/,
    );
    expect(codesOf({ "Customer.id": "visible" })).toEqual([]);
  });

  it("atrium.E006: refuses two rules for the same field (name and URL key spellings)", () => {
    expect(codesOf({ "OrderItem.unitPrice": "hidden", "order-item.unitPrice": "visible" })).toEqual([
      "atrium.E006 fields['order-item.unitPrice'] configures the same field as fields['OrderItem.unitPrice']; keep one of them.",
    ]);
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
