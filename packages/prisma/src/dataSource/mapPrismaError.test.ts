import { readFileSync } from "node:fs";
import { AtriumError, findModelByName, type ModelMeta } from "@atrium/core";
import { describe, expect, it } from "vitest";
import { schemaPath } from "../../test/schemaPaths.js";
import { loadSchemaMeta } from "../schema/loadSchemaMeta.js";
import { mapPrismaError } from "./mapPrismaError.js";

const keys = loadSchemaMeta(readFileSync(schemaPath("keys"), "utf8"));
const saas = loadSchemaMeta(readFileSync(schemaPath("saas"), "utf8"));

function modelOf(name: string, schema = keys): ModelMeta {
  const model = findModelByName(schema, name);
  if (!model) throw new Error(`no model ${name}`);
  return model;
}

/** Shaped like Prisma 7's error: recognised by name and code, as a second copy of the runtime would be. */
function prismaError(code: string, meta: Record<string, unknown>): Error {
  const error = new Error("Invalid `prisma.airport.create()` invocation: secret SQL text") as Error & {
    code: string;
    meta: Record<string, unknown>;
  };
  error.name = "PrismaClientKnownRequestError";
  error.code = code;
  error.meta = meta;
  return error;
}

function adapterCause(cause: Record<string, unknown>) {
  return { driverAdapterError: { name: "DriverAdapterError", cause } };
}

const failOnWarn = (message: string): void => {
  throw new Error(`unexpected warning: ${message}`);
};

function map(error: unknown, model: ModelMeta, warn = failOnWarn, schema = keys) {
  return mapPrismaError(error, { schema, model, warn });
}

describe("mapPrismaError", () => {
  it("maps a SQLite unique violation's column names back to renamed fields", () => {
    const error = prismaError("P2002", {
      modelName: "Country",
      ...adapterCause({
        kind: "UniqueConstraintViolation",
        constraint: { fields: ["iso_code"] },
        table: "countries",
      }),
    });
    const mapped = map(error, modelOf("Country"));
    expect(mapped?.code).toBe("unique_violation");
    expect(mapped?.status).toBe(409);
    expect(mapped?.fields).toEqual({ isoCode: "Another country already has this iso code" });
    expect(mapped?.message).not.toMatch(/secret|prisma/i);
  });

  it("maps a PostgreSQL unique violation reported by constraint name", () => {
    const membership = modelOf("Membership", saas);
    const error = prismaError("P2002", {
      modelName: "Membership",
      ...adapterCause({
        kind: "UniqueConstraintViolation",
        constraint: { index: "Membership_orgId_userId_key" },
      }),
    });
    expect(map(error, membership, failOnWarn, saas)?.fields).toEqual({
      orgId: "Another membership already has this org ID and user ID",
      userId: "Another membership already has this org ID and user ID",
    });
  });

  it("uses the model named in the error, not the one written, for nested writes", () => {
    const error = prismaError("P2002", {
      modelName: "Organization",
      ...adapterCause({ constraint: { fields: ["slug"] } }),
    });
    expect(map(error, modelOf("Project", saas), failOnWarn, saas)?.message).toBe(
      "Another organization already has this slug",
    );
  });

  it("still answers 409 when the constraint cannot be traced to fields", () => {
    const error = prismaError("P2002", adapterCause({ constraint: { index: "custom_name" } }));
    const mapped = map(error, modelOf("Airport"));
    expect(mapped?.status).toBe(409);
    expect(mapped?.fields).toBeUndefined();
  });

  it("maps a foreign key constraint name to the key and its relation field", () => {
    const error = prismaError("P2003", adapterCause({ constraint: { index: "airports_country_code_fkey" } }));
    const mapped = map(error, modelOf("Airport"));
    expect(mapped?.code).toBe("foreign_key_violation");
    expect(mapped?.status).toBe(422);
    expect(Object.keys(mapped?.fields ?? {})).toEqual(["countryCode", "country"]);
  });

  it("maps not found, too long, null and required-relation errors", () => {
    const airport = modelOf("Airport");
    expect(map(prismaError("P2025", { modelName: "Airport" }), airport)?.status).toBe(404);
    const tooLong = map(
      prismaError("P2000", adapterCause({ kind: "LengthMismatch", column: "name" })),
      airport,
    );
    expect(tooLong).toMatchObject({
      code: "validation_failed",
      fields: { name: "This value is too long for this field" },
    });
    const nullValue = map(
      prismaError("P2011", adapterCause({ constraint: { fields: ["country_code"] } })),
      airport,
    );
    expect(nullValue?.fields).toEqual({ countryCode: "The database requires a value for this field" });
    const relation = map(prismaError("P2014", { model_a_name: "Airport", model_b_name: "Country" }), airport);
    expect(relation?.status).toBe(409);
    expect(relation?.message).toContain("airport – country");
  });

  it("finds the NOT NULL column in the database's message when Prisma reports none (PostgreSQL, MySQL)", () => {
    const airport = modelOf("Airport");
    const postgres = prismaError(
      "P2011",
      adapterCause({
        kind: "NullConstraintViolation",
        originalCode: "23502",
        originalMessage:
          'null value in column "country_code" of relation "airports" violates not-null constraint',
      }),
    );
    expect(map(postgres, airport)?.fields).toEqual({
      countryCode: "The database requires a value for this field",
    });
    const mysql = prismaError(
      "P2011",
      adapterCause({ originalMessage: "Column 'country_code' cannot be null" }),
    );
    expect(map(mysql, airport)?.fields).toEqual({
      countryCode: "The database requires a value for this field",
    });
    expect(map(mysql, airport)?.message).toBe("The database needs a value for country code");
  });

  it("answers values the database refused with 422 in writes and 400 in reads, without its text", () => {
    const airport = modelOf("Airport");
    const refused = (code: string, cause: Record<string, unknown>) =>
      prismaError(code, adapterCause({ ...cause, message: 'invalid input syntax for type uuid: "secret"' }));
    for (const code of ["P2006", "P2007", "P2019"]) {
      const mapped = map(refused(code, { kind: "InvalidInputValue" }), airport);
      expect(mapped, code).toMatchObject({ code: "validation_failed", status: 422 });
      expect(mapped?.message, code).toBe("A value is not valid for this airport");
    }
    expect(map(refused("P2020", { kind: "ValueOutOfRange", column: "name" }), airport)?.fields).toEqual({
      name: "This value is out of range for this field",
    });
    const read = mapPrismaError(refused("P2007", { kind: "InvalidInputValue" }), {
      schema: keys,
      model: airport,
      warn: failOnWarn,
      operation: "read",
    });
    expect(read).toMatchObject({ code: "bad_request", status: 400 });
    expect(read?.message).not.toMatch(/secret|uuid|prisma/i);
  });

  it("turns Prisma's validation errors into a generic 422 and reports them", () => {
    const error = new Error("Unknown argument `nope`");
    error.name = "PrismaClientValidationError";
    const warnings: string[] = [];
    const mapped = map(error, modelOf("Airport"), (message) => {
      warnings.push(message);
    });
    expect(mapped?.status).toBe(422);
    expect(mapped?.message).not.toContain("nope");
    expect(warnings).toHaveLength(1);
  });

  it("leaves unknown errors to the caller and passes AtriumErrors through", () => {
    expect(map(new Error("boom"), modelOf("Airport"))).toBeUndefined();
    expect(map(prismaError("P1001", {}), modelOf("Airport"))).toBeUndefined();
    const own = new AtriumError("not_found", "gone");
    expect(map(own, modelOf("Airport"))).toBe(own);
  });
});
