import { model, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { databaseFailure } from "./databaseFailure.js";

const region = model("Region", [scalar("code", "String", { isId: true })]);

/** Shaped like Prisma 7's errors: recognised by name, as a second copy of the runtime would be. */
function prismaError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  const error = Object.assign(new Error(message), extra);
  error.name = name;
  return error;
}

const invocation = [
  "",
  "Invalid `prisma.region.update()` invocation in",
  "/srv/app/node_modules/@atrium/prisma/src/dataSource/recordWrites.ts:166:52",
  "",
  "  163 try {",
  "→ 166   const row = await getDelegate(tx, model).update(",
].join("\n");

describe("databaseFailure", () => {
  it("names the operation and keeps the database's own words apart, for the log and superusers", () => {
    const error = prismaError(
      "PrismaClientKnownRequestError",
      `${invocation}\nForeign key constraint violated`,
      {
        code: "P2003",
        meta: {
          driverAdapterError: {
            cause: {
              originalMessage: 'insert or update on table "Site" violates foreign key constraint "x"',
            },
          },
        },
      },
    );
    const failure = databaseFailure(error, "update", region);
    expect(failure?.code).toBe("database_error");
    expect(failure?.status).toBe(500);
    expect(failure?.message).toBe("Saving this region failed in the database");
    expect(failure?.reason).toBe(
      'P2003: insert or update on table "Site" violates foreign key constraint "x"',
    );
    expect(failure?.cause).toBe(error);
    expect(JSON.stringify(failure?.toBody())).not.toMatch(/Site|P2003|constraint/);
  });

  it("drops the call site and code excerpt Prisma quotes when the database's message is not there", () => {
    const error = prismaError(
      "PrismaClientUnknownRequestError",
      `${invocation}\nOperation 'createOne' for model 'Region' does not match any query.`,
    );
    const failure = databaseFailure(error, "create", region);
    expect(failure?.message).toBe("Creating this region failed in the database");
    expect(failure?.reason).toBe("Operation 'createOne' for model 'Region' does not match any query.");
    const lost = databaseFailure(
      prismaError("PrismaClientInitializationError", "Can't reach database server"),
      "read",
      region,
    );
    expect(lost?.message).toBe("Reading regions failed in the database");
    expect(lost?.details).toEqual({ operation: "read", model: "region" });
  });

  it("leaves Atrium's own bugs and Prisma's validation of its queries to the caller", () => {
    expect(databaseFailure(new TypeError("x is undefined"), "delete", region)).toBeUndefined();
    expect(
      databaseFailure(prismaError("PrismaClientValidationError", "Unknown argument"), "read", region),
    ).toBeUndefined();
    expect(databaseFailure("text", "deleteMany", region)).toBeUndefined();
  });
});
