/**
 * `models` is typed by the project's schema (atrium-env.d.ts, written by `atrium types`, which `npm run typecheck`
 * runs first for the demo's schema): each `@ts-expect-error` below is a misspelling that must fail tsc, and fails
 * the type check if it ever stops failing. The same misspellings are refused at start-up, for configs that skip tsc.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { describe, expect, it } from "vitest";
import { checkModelsConfig } from "./checkModelsConfig.js";
import { type AtriumConfig, defineConfig } from "./defineConfig.js";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

const misspelt: AtriumConfig["models"] = {
  Book: {
    // @ts-expect-error 'titel' is not a field of Book
    titleField: "titel",
    list: {
      // Columns may name computed columns too, so a misspelt column is caught at start-up (E116), not by tsc.
      columns: ["title", "titel"],
      // @ts-expect-error 'nmae' is not a field of Author
      search: ["author.nmae"],
      // @ts-expect-error 'placedAt' is a field of Order, not of Book
      ordering: "-placedAt",
      computed: {
        // @ts-expect-error 'reveiws' is not a one-to-many relation of Book
        reviewCount: { count: "reveiws" },
        // @ts-expect-error 'strs' is not a field of Review
        averageStars: { average: "reviews.strs" },
      },
    },
    // @ts-expect-error 'ratting' is not a field of Book
    form: { readOnly: ["ratting"] },
  },
};
// Apart: tsc checks a literal's unknown keys only when its known ones have no errors.
// @ts-expect-error 'Boook' is not a model
const unknownModel: AtriumConfig["models"] = { Boook: { label: "Book" } };

describe("models in atrium.config.ts", () => {
  it("types names the schema has: relation paths, descending sorts, fieldsets", () => {
    const config = defineConfig({
      schema: "prisma/schema.prisma",
      models: {
        Book: {
          titleField: "title",
          list: {
            columns: ["title", "author"],
            search: ["title", "author.name"],
            ordering: ["-publishedOn", "title"],
          },
          form: {
            fieldsets: [{ title: "Book", fields: ["title", "subtitle"] }],
            help: { title: "As printed" },
          },
          actions: { delete: false },
        },
      },
    });
    expect(config.models?.Book?.list?.search).toEqual(["title", "author.name"]);
  });

  it("refuses at start-up what tsc refuses", async () => {
    const schema = await loadSchemaMetaFromFile(resolve(repository, "prisma/schema.prisma"));
    const codes = checkModelsConfig({ ...misspelt, ...unknownModel }, schema).checks.map(
      (check) => check.code,
    );
    expect(codes).toEqual([
      "atrium.E102",
      "atrium.E112",
      "atrium.E114",
      "atrium.E105",
      "atrium.E116",
      "atrium.E105",
      "atrium.E105",
      "atrium.E105",
    ]);
  });
});
