import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AtriumError,
  type FieldMeta,
  findField,
  findModelByName,
  type ModelMeta,
  type SchemaMeta,
} from "@atrium/core";
import { beforeAll, describe, expect, it } from "vitest";
import { schemaPath } from "../../test/schemaPaths.js";
import { loadSchemaMeta, loadSchemaMetaFromFile, loadSchemaMetaFromFiles } from "./loadSchemaMeta.js";

function model(schema: SchemaMeta, name: string): ModelMeta {
  const found = findModelByName(schema, name);
  if (!found) throw new Error(`no model ${name}`);
  return found;
}

function field(meta: ModelMeta, name: string): FieldMeta {
  const found = findField(meta, name);
  if (!found) throw new Error(`no field ${meta.name}.${name}`);
  return found;
}

const sqlite = 'datasource db {\n  provider = "sqlite"\n}\n';

describe("saas.prisma", () => {
  let schema: SchemaMeta;
  beforeAll(async () => {
    schema = await loadSchemaMetaFromFile(schemaPath("saas"));
  });

  it("reads the provider and the enums", () => {
    expect(schema.provider).toBe("sqlite");
    expect(schema.enums).toContainEqual({ name: "Role", values: ["OWNER", "ADMIN", "MEMBER"] });
    expect(field(model(schema, "Membership"), "role")).toMatchObject({
      kind: "enum",
      type: "Role",
      enumValues: ["OWNER", "ADMIN", "MEMBER"],
      default: { kind: "literal", value: "MEMBER" },
    });
  });

  it("labels models and keys them for URLs", () => {
    const apiKey = model(schema, "ApiKey");
    expect(apiKey).toMatchObject({ key: "api-key", label: "API key", labelPlural: "API keys" });
    expect(model(schema, "OrgSetting").key).toBe("org-setting");
  });

  it("makes generated ids and @updatedAt read-only but keeps createdAt editable", () => {
    const user = model(schema, "User");
    expect(field(user, "id")).toMatchObject({ isReadOnly: true, default: { kind: "cuid" } });
    expect(field(model(schema, "Organization"), "id").default).toEqual({ kind: "uuid" });
    expect(field(user, "updatedAt")).toMatchObject({ isReadOnly: true, isUpdatedAt: true });
    expect(field(user, "createdAt")).toMatchObject({
      isReadOnly: false,
      default: { kind: "now" },
      label: "Created at",
    });
  });

  it("keeps compound uniques and addresses a model without @id by its @@unique", () => {
    expect(model(schema, "Membership").uniqueIndexes).toEqual([["orgId", "userId"]]);
    expect(model(schema, "Membership").idKind).toBe("id");
    expect(model(schema, "OrgSetting")).toMatchObject({
      idFields: ["orgId", "key"],
      idKind: "compoundUnique",
      idSelectorName: "orgId_key",
      help: "Per-organisation settings: no @id, addressed by organisation and key.",
    });
  });

  it("describes a self-relation from both ends", () => {
    const task = model(schema, "Task");
    expect(field(task, "parent").relation).toMatchObject({
      model: "Task",
      toMany: false,
      fromFields: ["parentId"],
      toFields: ["id"],
      backField: "subtasks",
      onDelete: "SetNull",
      onUpdate: "Cascade",
    });
    expect(field(task, "subtasks")).toMatchObject({
      isReadOnly: true,
      relation: { toMany: true, fromFields: [], backField: "parent", isManyToMany: false },
    });
    expect(field(task, "parentId").isForeignKey).toBe(true);
    expect(field(task, "title").isForeignKey).toBe(false);
  });

  it("matches two relations to the same model by relation name and applies Prisma's default actions", () => {
    const task = model(schema, "Task");
    expect(field(task, "assignee").relation?.backField).toBe("assigned");
    // No onDelete in the schema and an optional key: Prisma's default is SetNull.
    expect(field(task, "reporter").relation).toMatchObject({ backField: "reported", onDelete: "SetNull" });
    expect(field(model(schema, "User"), "reported").relation?.backField).toBe("reporter");
  });

  it("marks implicit many-to-many relations on both ends and keeps them editable", () => {
    expect(field(model(schema, "Task"), "labels")).toMatchObject({
      isReadOnly: false,
      relation: { toMany: true, isManyToMany: true, backField: "tasks" },
    });
    expect(field(model(schema, "Label"), "tasks").relation).toMatchObject({
      isManyToMany: true,
      backField: "labels",
    });
  });

  it("chooses title and search fields", () => {
    expect(model(schema, "Organization")).toMatchObject({
      titleField: "name",
      searchFields: ["name", "slug"],
    });
    expect(model(schema, "User")).toMatchObject({
      titleField: "email",
      searchFields: ["email", "firstName", "lastName"],
    });
    expect(model(schema, "ApiKey").titleField).toBe("label");
  });

  it("labels models without a natural title by their identity, foreign keys as relations", () => {
    expect(model(schema, "Membership")).toMatchObject({
      titleField: "orgId",
      titleParts: ["org", "user"],
      searchFields: ["org.name", "org.slug", "user.email", "user.firstName"],
    });
    expect(model(schema, "OrgSetting")).toMatchObject({
      titleField: "orgId",
      titleParts: ["org", "key"],
      searchFields: ["org.name", "org.slug", "key"],
    });
    for (const name of ["Organization", "User", "Project", "Task", "Label", "ApiKey"]) {
      expect(model(schema, name).titleParts).toBeUndefined();
    }
  });
});

describe("keys.prisma", () => {
  let schema: SchemaMeta;
  beforeAll(async () => {
    schema = await loadSchemaMetaFromFile(schemaPath("keys"));
  });

  it("uses non-`id` primary keys as they are, editable since nothing generates them", () => {
    expect(model(schema, "Country")).toMatchObject({
      idFields: ["isoCode"],
      idKind: "id",
      dbName: "countries",
    });
    expect(field(model(schema, "Country"), "isoCode")).toMatchObject({
      isId: true,
      isReadOnly: false,
      dbName: "iso_code",
    });
    expect(model(schema, "Product")).toMatchObject({
      idFields: ["sku"],
      titleField: "title",
      searchFields: ["title", "sku"],
    });
  });

  it("names compound id selectors like Prisma does, or as the schema names them", () => {
    expect(model(schema, "Flight")).toMatchObject({
      idFields: ["number", "departureDate"],
      idKind: "compoundId",
      idSelectorName: "number_departureDate",
    });
    expect(model(schema, "OrderLine")).toMatchObject({
      idKind: "compoundId",
      idSelectorName: "orderLineKey",
    });
    expect(model(schema, "ProductCategory").uniqueIndexes).toEqual([]);
  });

  it("tells Flight's two relations to Airport apart", () => {
    const flight = model(schema, "Flight");
    expect(field(flight, "origin").relation).toMatchObject({
      model: "Airport",
      name: "origin",
      fromFields: ["originCode"],
      toFields: ["iata"],
      backField: "departures",
      onDelete: "Restrict",
    });
    expect(field(flight, "destination").relation).toMatchObject({
      name: "destination",
      backField: "arrivals",
    });
    const airport = model(schema, "Airport");
    expect(field(airport, "departures").relation?.backField).toBe("origin");
    expect(field(airport, "arrivals").relation?.backField).toBe("destination");
  });

  it("keeps composite foreign keys and Cascade", () => {
    expect(field(model(schema, "Booking"), "flight").relation).toMatchObject({
      fromFields: ["flightNumber", "flightDate"],
      toFields: ["number", "departureDate"],
      onDelete: "Cascade",
    });
    expect(field(model(schema, "Booking"), "flightDate").isForeignKey).toBe(true);
  });

  it("addresses a model with only a @unique by that field", () => {
    expect(model(schema, "Passenger")).toMatchObject({
      idFields: ["passport"],
      idKind: "unique",
      titleField: "fullName",
    });
    expect(model(schema, "Passenger").idSelectorName).toBeUndefined();
  });

  it("labels compound keys by their parts and keeps natural titles and single keys", () => {
    expect(model(schema, "ProductCategory")).toMatchObject({
      titleField: "productSku",
      titleParts: ["product", "category"],
      searchFields: ["product.title", "product.sku", "category.label", "category.code"],
    });
    expect(model(schema, "OrderLine")).toMatchObject({ titleParts: ["order", "lineNo"] });
    expect(model(schema, "Flight")).toMatchObject({
      titleField: "number",
      titleParts: ["number", "departureDate"],
      searchFields: ["number"],
    });
    expect(model(schema, "Order")).toMatchObject({ titleField: "orderNo", searchFields: [] });
    expect(model(schema, "Booking")).toMatchObject({ titleField: "ref", searchFields: ["ref"] });
    for (const name of ["Country", "Airport", "Product", "Category", "Order", "Passenger", "Booking"]) {
      expect(model(schema, name).titleParts).toBeUndefined();
    }
  });

  it("treats an explicit join model as a plain model with two to-one relations", () => {
    const join = model(schema, "ProductCategory");
    expect(join).toMatchObject({ key: "product-category", labelPlural: "Product categories" });
    expect(field(join, "product").relation?.isManyToMany).toBe(false);
    expect(field(model(schema, "Product"), "categories")).toMatchObject({
      isReadOnly: true,
      relation: { toMany: true, isManyToMany: false, backField: "product" },
    });
  });
});

describe("emulatedRelations.prisma", () => {
  let schema: SchemaMeta;
  beforeAll(async () => {
    schema = await loadSchemaMetaFromFile(schemaPath("emulatedRelations"));
  });

  it("says that Prisma emulates the relations, which a schema with foreign keys does not", () => {
    expect(schema.relationMode).toBe("prisma");
    expect(loadSchemaMeta(`${sqlite}model A {\n  id Int @id\n}\n`).relationMode).toBeUndefined();
    const commented =
      'datasource db {\n  provider = "sqlite"\n  // relationMode = "prisma"\n}\nmodel A {\n  id Int @id\n}\n';
    expect(loadSchemaMeta(commented).relationMode).toBeUndefined();
  });

  it("requires a relation written optional whose key columns are all required", () => {
    const author = field(model(schema, "Post"), "author");
    expect(author.isRequired).toBe(true);
    expect(author.relation?.onDelete).toBe("Restrict");
  });

  it("keeps a relation optional while one of its key columns is", () => {
    const task = model(schema, "Task");
    expect(field(task, "project").isRequired).toBe(false);
    expect(field(task, "assignee").isRequired).toBe(false);
    expect(field(task, "tenantId").isRequired).toBe(true);
  });
});

describe("scalars.prisma", () => {
  let schema: SchemaMeta;
  beforeAll(async () => {
    schema = await loadSchemaMetaFromFile(schemaPath("scalars"));
  });

  it("reads every scalar type, required and optional", () => {
    const sample = model(schema, "Sample");
    const types = ["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"];
    const pairs = [
      ["text", "textOpt"],
      ["integer", "integerOpt"],
      ["big", "bigOpt"],
      ["float", "floatOpt"],
      ["decimal", "decimalOpt"],
      ["flag", "flagOpt"],
      ["moment", "momentOpt"],
      ["data", "dataOpt"],
      ["blob", "blobOpt"],
    ] as const;
    pairs.forEach(([required, optional], index) => {
      expect(field(sample, required)).toMatchObject({ kind: "scalar", type: types[index], isRequired: true });
      expect(field(sample, optional)).toMatchObject({
        type: types[index],
        isRequired: false,
        hasDefault: false,
      });
    });
  });

  it("keeps literal defaults JSON-safe", () => {
    const sample = model(schema, "Sample");
    const defaults = Object.fromEntries(sample.fields.map((item) => [item.name, item.default]));
    expect(defaults).toMatchObject({
      text: { kind: "literal", value: "hello" },
      integer: { kind: "literal", value: 42 },
      big: { kind: "literal", value: "9007199254740993" },
      float: { kind: "literal", value: 3.25 },
      decimal: { kind: "literal", value: "12.5" },
      flag: { kind: "literal", value: true },
      mood: { kind: "literal", value: "HAPPY" },
      createdAt: { kind: "now" },
      id: { kind: "autoincrement" },
    });
    expect(new Date(String(defaults.moment?.kind === "literal" && defaults.moment.value)).toISOString()).toBe(
      "2024-01-02T03:04:05.000Z",
    );
  });

  it("turns /// comments into help texts", () => {
    const sample = model(schema, "Sample");
    expect(sample.help).toBe(
      "One record holding a value of every scalar type.\nUsed to check types, defaults and help texts.",
    );
    expect(field(sample, "text").help).toBe("A short text.");
    expect(field(sample, "textOpt").help).toBeUndefined();
    expect(field(sample, "updatedAt")).toMatchObject({
      help: "Set by Prisma on every update.",
      isReadOnly: true,
    });
  });
});

describe("names.prisma and nextauth.prisma", () => {
  let names: SchemaMeta;
  let nextauth: SchemaMeta;
  beforeAll(async () => {
    names = await loadSchemaMetaFromFile(schemaPath("names"));
    nextauth = await loadSchemaMetaFromFile(schemaPath("nextauth"));
  });

  it("names models as people read them: no second plural, numbers and acronyms kept whole", () => {
    const labels = (schema: SchemaMeta) =>
      schema.models.map((item) => [item.name, item.key, item.label, item.labelPlural]);
    expect(labels(names)).toEqual([
      ["Credentials", "credentials", "Credentials", "Credentials"],
      ["Model3D", "model-3d", "Model 3D", "Model 3Ds"],
      ["TagsOnModels", "tags-on-models", "Tags on models", "Tags on models"],
      ["APIKey", "api-key", "API key", "API keys"],
      ["Comment", "comment", "Comment", "Comments"],
    ]);
    expect(model(nextauth, "VerificationToken").labelPlural).toBe("Verification tokens");
  });

  it("describes Json defaults as the object and the array they stand for", () => {
    const scene = model(names, "Model3D");
    expect(field(scene, "settings").default).toEqual({ kind: "literal", value: {} });
    expect(field(scene, "layers").default).toEqual({ kind: "literal", value: [] });
  });

  it("makes every model with searchable text searchable, and only those", () => {
    const search = (schema: SchemaMeta) =>
      Object.fromEntries(schema.models.map((item) => [item.name, item.searchFields]));
    expect(search(names)).toEqual({
      Credentials: ["service"],
      Model3D: ["fileName"],
      TagsOnModels: ["model.fileName", "tag"],
      APIKey: ["owner"],
      Comment: ["content", "body"],
    });
    expect(search(nextauth)).toEqual({
      User: ["name", "email"],
      Account: ["provider"],
      // Its only text is a generated id, a secret token and a foreign key.
      Session: [],
      VerificationToken: ["identifier"],
      LoginToken: ["identifier", "token"],
    });
  });
});

describe("scalars.postgres.prisma", () => {
  it("reads scalar lists, native types and Unsupported columns", async () => {
    const schema = await loadSchemaMetaFromFile(schemaPath("scalars.postgres"));
    expect(schema.provider).toBe("postgresql");
    const sample = model(schema, "Sample");
    expect(field(sample, "tags")).toMatchObject({ type: "String", isList: true });
    expect(field(sample, "scores")).toMatchObject({ isList: true, default: { kind: "literal", value: [] } });
    expect(field(sample, "moods")).toMatchObject({
      kind: "enum",
      isList: true,
      enumValues: ["HAPPY", "SAD"],
    });
    expect(field(sample, "birthday").nativeType).toEqual(["Date", []]);
    expect(field(sample, "code").nativeType).toEqual(["VarChar", ["12"]]);
    expect(field(sample, "amount")).toMatchObject({
      nativeType: ["Decimal", ["10", "2"]],
      default: { value: "0" },
    });
    // JSON-safe literals: Json as the value its text stands for, Bytes as its base64 text.
    expect(field(sample, "data").default).toEqual({ kind: "literal", value: { a: 1 } });
    expect(field(sample, "blob").default).toEqual({ kind: "literal", value: "aGVsbG8=" });
    expect(field(sample, "point")).toMatchObject({
      kind: "scalar",
      type: "Unsupported",
      unsupportedType: "point",
      isReadOnly: true,
      isRequired: false,
    });
    // Unsupported columns keep their place in the model.
    expect(sample.fields.map((item) => item.name).slice(-2)).toEqual(["point", "createdAt"]);
    expect(sample.searchFields).not.toContain("tags");
  });
});

describe("loadSchemaMeta", () => {
  it("accepts the datamodel of a 300-model schema in about a second", () => {
    const models = Array.from(
      { length: 300 },
      (_, index) =>
        `model M${index} {\n  id Int @id @default(autoincrement())\n  name String\n  nextId Int?\n  next M${(index + 1) % 300}? @relation("r${index}", fields: [nextId], references: [id])\n  prev M${(index + 299) % 300}[] @relation("r${(index + 299) % 300}")\n}\n`,
    );
    const started = performance.now();
    const schema = loadSchemaMeta(sqlite + models.join("\n"));
    expect(schema.models).toHaveLength(300);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("lists each model's indexes: the key, uniques, @@index with its method and operator class", () => {
    const schema = loadSchemaMeta(`generator client {
  provider        = "prisma-client"
  previewFeatures = ["postgresqlExtensions"]
}
datasource db {
  provider   = "postgresql"
  extensions = [pg_trgm]
}
model Order {
  id     Int    @id
  number String @unique
  region String
  city   String
  total  Int
  notes  String
  @@unique([region, city])
  @@index([total, id])
  @@index([number(ops: raw("text_pattern_ops"))])
  @@index([notes(ops: raw("gin_trgm_ops"))], type: Gin)
  @@index([city], type: BTree)
}
`);
    expect(model(schema, "Order").indexes).toEqual([
      { fields: ["id"], kind: "id" },
      { fields: ["number"], kind: "unique" },
      { fields: ["total", "id"], kind: "normal" },
      { fields: ["number"], kind: "normal", operatorClass: "text_pattern_ops" },
      { fields: ["notes"], kind: "normal", algorithm: "Gin", operatorClass: "gin_trgm_ops" },
      { fields: ["city"], kind: "normal" },
      { fields: ["region", "city"], kind: "unique" },
    ]);
  });

  it("reads a schema split over several files", () => {
    const schema = loadSchemaMetaFromFiles([
      ["main.prisma", sqlite],
      ["user.prisma", "model User {\n  id Int @id\n  email String @unique\n}\n"],
    ]);
    expect(schema.models.map((item) => item.name)).toEqual(["User"]);
  });

  it("reads a multi-file schema folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "atrium-schema-"));
    await writeFile(join(dir, "schema.prisma"), sqlite);
    await writeFile(join(dir, "post.prisma"), "model Post {\n  id Int @id\n  title String\n}\n");
    const schema = await loadSchemaMetaFromFile(dir);
    expect(schema.models.map((item) => item.titleField)).toEqual(["title"]);
  });

  it("reports an invalid schema as a bad request naming the schema and the line", () => {
    const call = () =>
      loadSchemaMeta(`${sqlite}model Broken {\n  id Int @id\n  owner Nope\n}\n`, { fileName: "app.prisma" });
    expect(call).toThrow(AtriumError);
    try {
      call();
    } catch (error) {
      const atrium = error as AtriumError;
      expect(atrium.code).toBe("bad_request");
      expect(atrium.message).toContain("Nope");
      expect(atrium.message).not.toContain("\u001b[");
      expect(atrium.fields?.schema).toMatch(/Nope.*app\.prisma:6/);
    }
  });

  it("asks for a datasource when there is none", () => {
    expect(() => loadSchemaMeta("model A {\n  id Int @id\n}\n")).toThrow(/datasource/);
  });

  it("refuses providers Atrium does not support", () => {
    expect(() => loadSchemaMeta('datasource db {\n  provider = "sqlserver"\n}\n')).toThrow(/sqlserver/);
  });

  it("reads MySQL schemas (metadata works offline even though pushing does not)", () => {
    const schema = loadSchemaMeta('datasource db {\n  provider = "mysql"\n}\nmodel A {\n  id Int @id\n}\n');
    expect(schema.provider).toBe("mysql");
  });

  it("fails clearly when the schema file is missing", async () => {
    await expect(loadSchemaMetaFromFile("/nonexistent/schema.prisma")).rejects.toMatchObject({
      code: "bad_request",
      fields: { schema: "not found: /nonexistent/schema.prisma" },
    });
  });

  it("orders Unsupported fields where the schema writes them, with their docs and column names", () => {
    const schema = loadSchemaMeta(
      'datasource db {\n  provider = "postgresql"\n}\nmodel Place {\n  id Int @id\n  /// Where it is.\n  location Unsupported("geometry(Point, 4326)") @map("loc")\n  name String\n}\n',
    );
    const place = model(schema, "Place");
    expect(place.fields.map((item) => item.name)).toEqual(["id", "location", "name"]);
    expect(field(place, "location")).toMatchObject({
      unsupportedType: "geometry(Point, 4326)",
      dbName: "loc",
      help: "Where it is.",
      isRequired: true,
      isReadOnly: true,
      hasDefault: false,
    });
  });

  it("tells an Unsupported column the database fills in (so records can be created) from one it does not", () => {
    const schema = loadSchemaMeta(
      'datasource db {\n  provider = "postgresql"\n}\nmodel Doc {\n  id Int @id\n  search Unsupported("tsvector") @default(dbgenerated("\'\'::tsvector"))\n}\n',
    );
    expect(field(model(schema, "Doc"), "search")).toMatchObject({ isRequired: true, hasDefault: true });
  });
});
