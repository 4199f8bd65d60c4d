import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SchemaMeta } from "@atrium/core";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { beforeAll, describe, expect, it } from "vitest";
import { checkModelsConfig } from "./checkModelsConfig.js";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
let schema: SchemaMeta;

beforeAll(async () => {
  schema = await loadSchemaMetaFromFile(resolve(repository, "prisma/schema.prisma"));
});

const handler = async () => ({ message: "done" });

function problems(order: Record<string, unknown>): string[] {
  return checkModelsConfig({ Order: order }, schema).checks.map((check) => `${check.code} ${check.message}`);
}

describe("bulkActions and recordActions", () => {
  it("accepts every option and serves the actions with their defaults", () => {
    const result = checkModelsConfig(
      {
        Order: {
          bulkActions: [{ name: "markShipped", handler }],
          recordActions: [
            {
              name: "addNote",
              label: "Add note",
              description: "Appends a note.",
              confirm: "Add a note to {records}?",
              permission: "run",
              handler,
              params: [
                { name: "note", type: "string", required: true, help: "Shown to staff" },
                { name: "urgent", type: "boolean" },
                { name: "count", type: "number", label: "How many" },
                { name: "on", type: "date" },
                { name: "level", type: "enum", choices: ["low", "high"] },
              ],
            },
          ],
        },
      },
      schema,
    );
    expect(result.checks).toEqual([]);
    const [bulk, record] = result.actions.get("order") ?? [];
    expect(bulk).toMatchObject({
      name: "markShipped",
      kind: "bulk",
      label: "Mark shipped",
      permission: "change",
      params: [],
    });
    expect(record).toMatchObject({
      kind: "record",
      label: "Add note",
      permission: "run",
      confirm: "Add a note to {records}?",
    });
    expect(record?.params.map((field) => [field.name, field.type, field.isRequired, field.label])).toEqual([
      ["note", "String", true, "Note"],
      ["urgent", "Boolean", false, "Urgent"],
      ["count", "Float", false, "How many"],
      ["on", "DateTime", false, "On"],
      ["level", "levelChoice", false, "Level"],
    ]);
    expect(record?.params[4]?.enumValues).toEqual(["low", "high"]);
  });

  it("E130: a list that is not a list, an action or parameter that is not an object", () => {
    expect(problems({ bulkActions: { name: "x" } })).toEqual([
      'atrium.E130 models.Order.bulkActions: expected a list of actions, got {"name":"x"}.',
    ]);
    expect(problems({ recordActions: ["ship"] })).toEqual([
      'atrium.E130 models.Order.recordActions[0]: expected an action { name, handler }, got "ship".',
    ]);
    expect(problems({ bulkActions: [{ name: "a", handler, params: "note" }] })).toEqual([
      'atrium.E130 models.Order.bulkActions[0].params: expected a list of parameters { name, type }, got "note".',
    ]);
  });

  it("E131: an unknown option, with the nearest one", () => {
    expect(problems({ bulkActions: [{ name: "a", handlr: handler, handler }] })).toEqual([
      "atrium.E131 models.Order.bulkActions[0].handlr: unknown option 'handlr'; did you mean 'handler'?",
    ]);
    expect(
      problems({
        bulkActions: [{ name: "a", handler, params: [{ name: "n", type: "string", requird: true }] }],
      }),
    ).toEqual([
      "atrium.E131 models.Order.bulkActions[0].params[0].requird: unknown option 'requird'; did you mean 'required'?",
    ]);
  });

  it("E132: a missing or malformed name", () => {
    expect(problems({ bulkActions: [{ handler }] })).toEqual([
      `atrium.E132 models.Order.bulkActions[0].name: expected a name of letters, digits, '_' or '-' (e.g. "markShipped"), got undefined.`,
    ]);
    expect(problems({ bulkActions: [{ name: "mark shipped", handler }] })[0]).toContain("atrium.E132");
  });

  it("E133: two actions of a model, or two parameters of an action, with one name", () => {
    expect(
      problems({ bulkActions: [{ name: "ship", handler }], recordActions: [{ name: "ship", handler }] }),
    ).toEqual([
      "atrium.E133 models.Order.recordActions[0].name: 'ship' names another action of Order; names are unique per model.",
    ]);
    const params = [
      { name: "n", type: "string" },
      { name: "n", type: "number" },
    ];
    expect(problems({ bulkActions: [{ name: "a", handler, params }] })).toEqual([
      "atrium.E133 models.Order.bulkActions[0].params[1].name: 'n' names another parameter of this action.",
    ]);
  });

  it("E134: a handler that is not a function", () => {
    expect(problems({ bulkActions: [{ name: "ship", handler: "./ship.ts" }] })).toEqual([
      'atrium.E134 models.Order.bulkActions[0].handler: expected a function (context) => ({ message }), got "./ship.ts".',
    ]);
  });

  it("E135: an empty text or a required that is not a boolean", () => {
    expect(problems({ bulkActions: [{ name: "a", handler, label: "" }] })).toEqual([
      'atrium.E135 models.Order.bulkActions[0].label: expected a non-empty text, got "".',
    ]);
    expect(
      problems({
        bulkActions: [{ name: "a", handler, params: [{ name: "n", type: "string", required: "yes" }] }],
      }),
    ).toEqual([
      'atrium.E135 models.Order.bulkActions[0].params[0].required: expected true or false, got "yes".',
    ]);
  });

  it("E136: a parameter type that does not exist, with the nearest one", () => {
    expect(
      problems({ bulkActions: [{ name: "a", handler, params: [{ name: "n", type: "strng" }] }] }),
    ).toEqual([
      `atrium.E136 models.Order.bulkActions[0].params[0].type: "strng" is not a parameter type; did you mean 'string'?`,
    ]);
  });

  it("E137: an enum without choices, or choices on another type", () => {
    expect(
      problems({ bulkActions: [{ name: "a", handler, params: [{ name: "n", type: "enum" }] }] }),
    ).toEqual([
      'atrium.E137 models.Order.bulkActions[0].params[0].choices: an enum parameter needs its choices, e.g. ["low", "high"], got undefined.',
    ]);
    expect(
      problems({
        bulkActions: [{ name: "a", handler, params: [{ name: "n", type: "string", choices: ["x"] }] }],
      }),
    ).toEqual([
      'atrium.E137 models.Order.bulkActions[0].params[0].choices: only an enum parameter has choices; set type: "enum" or remove them.',
    ]);
  });

  it("E138: a permission that does not exist, with the nearest one", () => {
    expect(problems({ bulkActions: [{ name: "a", handler, permission: "chnage" }] })).toEqual([
      `atrium.E138 models.Order.bulkActions[0].permission: "chnage" is not a permission of an action; did you mean 'change'?`,
    ]);
  });

  it("W130: a permission the config turned off for everyone warns that nobody can run the action", () => {
    const result = checkModelsConfig(
      { Order: { actions: { change: false }, bulkActions: [{ name: "ship", handler }] } },
      schema,
    );
    expect(result.checks).toEqual([]);
    expect(result.warnings.map((check) => `${check.code} ${check.message}`)).toEqual([
      `atrium.W130 models.Order.bulkActions[0].permission: 'change' is turned off for Order (actions.change: false), so nobody can run 'ship'; choose another permission, e.g. "run".`,
    ]);
  });
});
