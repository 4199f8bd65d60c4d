import { describe, expect, it } from "vitest";
import { postgresPushError, type ServerFacts } from "./postgresPushError.js";

/** What pg throws: the server's SQLSTATE and message. */
const serverError = (code: string, message: string) => Object.assign(new Error(message), { code });

const server: ServerFacts = {
  at: "db.example:5432",
  major: 16,
  available: new Set(["citext", "pg_trgm", "uuid-ossp", "hstore"]),
  declared: [],
};
const table = { subject: 'table "Member"', sql: 'CREATE TABLE "Member" (...)' };

describe("postgresPushError", () => {
  it("names the extension of a missing function, declared as Prisma needs its name", () => {
    const error = postgresPushError(
      serverError("42883", "function uuid_generate_v4() does not exist"),
      table,
      server,
    );
    expect(error.message).toBe(
      'PostgreSQL has no function uuid_generate_v4() (needed by table "Member"): it comes from the extension uuid-ossp, which the schema does not declare',
    );
    expect(error.hint).toBe(
      'Declare it in the schema: previewFeatures = ["postgresqlExtensions"] in the generator block and extensions = [uuid_ossp(map: "uuid-ossp")] in the datasource block, then push again. Nothing was changed.',
    );
  });

  it("says to install an extension the server does not have before declaring it", () => {
    const index = { subject: 'index "Passage_embedding_idx"', sql: "CREATE INDEX ..." };
    const error = postgresPushError(serverError("42704", 'access method "hnsw" does not exist'), index, {
      ...server,
      declared: ["citext"],
    });
    expect(error.message).toBe(
      'PostgreSQL has no index type "hnsw" (needed by index "Passage_embedding_idx"): it comes from the extension vector, which the schema does not declare',
    );
    expect(error.hint).toBe(
      "Install vector on the database server: the package postgresql-16-pgvector on Debian and Ubuntu, or see https://github.com/pgvector/pgvector; " +
        "then declare it in the schema: extensions = [citext, vector] in the datasource block, then push again. Nothing was changed.",
    );
  });

  it("asks for a superuser when the user may not create an extension", () => {
    const step = { subject: 'extension "hstore"', sql: 'CREATE EXTENSION IF NOT EXISTS "hstore"' };
    const error = postgresPushError(
      serverError("42501", 'permission denied to create extension "hstore"'),
      step,
      {
        ...server,
        declared: ["hstore"],
      },
    );
    expect(error).toMatchObject({
      code: "forbidden",
      message:
        'The user in --url may not create the extension hstore: permission denied to create extension "hstore"',
      hint: 'A superuser must create it once in this database: CREATE EXTENSION IF NOT EXISTS "hstore"; then push again (the push keeps extensions that exist).',
    });
  });

  it("says an unknown type may come from an extension, and how to find one", () => {
    const error = postgresPushError(serverError("42704", 'type "geohash" does not exist'), table, server);
    expect(error.message).toBe(
      'PostgreSQL has no type "geohash" (needed by table "Member"): type "geohash" does not exist',
    );
    expect(error.hint).toMatch(
      /^If an extension provides it, declare that extension .*pg_available_extensions/,
    );
  });

  it("says to create a schema a statement names that does not exist", () => {
    const step = { subject: 'table "audit"."Log"', sql: 'CREATE TABLE "audit"."Log" (...)' };
    const error = postgresPushError(serverError("3F000", 'schema "audit" does not exist'), step, server);
    expect(error.message).toBe('PostgreSQL refused table "audit"."Log": schema "audit" does not exist');
    expect(error.hint).toBe(
      'Create it first (CREATE SCHEMA "audit";), then push again. Nothing was changed.',
    );
  });
});
