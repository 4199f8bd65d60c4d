/** Every start-up check of the `seed` key (atrium.E140–E149), and the plan a valid one gives. */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSchemaMetaFromFile } from "@atrium/prisma";
import { describe, expect, it } from "vitest";
import { readSeedPlan } from "./readSeedPlan.js";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const schema = await loadSchemaMetaFromFile(resolve(repository, "prisma/schema.prisma"));
const withZone = await loadSchemaMetaFromFile(
  resolve(repository, "packages/prisma/test/schemas/missingDefaults.prisma"),
);

const problems = (plan: unknown, target = schema) =>
  readSeedPlan(plan, target).checks.map((check) => `${check.code} ${check.message}`);

describe("seed plan checks", () => {
  it("orders a valid plan parents first, whatever the config's order, with the seed and makers kept", () => {
    const title = () => "A title";
    const plan = readSeedPlan(
      { seed: 9, models: { Book: { count: 30, fields: { title } }, Author: { count: 10 } } },
      schema,
    );
    expect(plan.checks).toEqual([]);
    expect(plan.seed).toBe(9);
    expect(plan.steps.map((step) => `${step.model.name}:${step.count}`)).toEqual(["Author:10", "Book:30"]);
    expect(plan.steps[1]?.makers.title).toBe(title);
  });

  it("has no steps and no problems without a plan, and seed 1 by default", () => {
    expect(readSeedPlan(undefined, schema)).toEqual({ checks: [], seed: 1, steps: [] });
    expect(readSeedPlan({ models: {} }, schema).seed).toBe(1);
  });

  it("E140: a plan that is not { models: {...} }", () => {
    expect(problems([])).toEqual([
      "atrium.E140 seed: must be { seed?: number, models: { <Model>: { count, fields? } } }.",
    ]);
    expect(problems({ models: { Book: 30 } })[0]).toMatch(
      /^atrium\.E140 seed\.models\.Book: must be \{ count/,
    );
  });

  it("E141: a model the schema does not have, with the nearest name", () => {
    expect(problems({ models: { Boook: { count: 3 } } })).toEqual([
      "atrium.E141 seed.models.Boook: 'Boook' is not a model of the schema; did you mean 'Book'?",
    ]);
  });

  it("E142: a count that is not a whole number of rows within the limit", () => {
    for (const count of [-1, 2.5, "10", 10_000_000]) {
      expect(problems({ models: { Author: { count } } })[0]).toMatch(
        /^atrium\.E142 seed\.models\.Author\.count: must be a whole number of rows from 0 to 1,000,000, got /,
      );
    }
  });

  it("E143: a field the model does not have, with the nearest name", () => {
    expect(problems({ models: { Book: { count: 1, fields: { titel: ["Dune"] } } } })).toEqual([
      "atrium.E143 seed.models.Book.fields.titel: 'titel' is not a field of Book; did you mean 'title'?",
    ]);
  });

  it("E144: a relation, a relation's key or a field the database fills in", () => {
    const found = problems({
      models: {
        Book: { count: 1, fields: { author: ["x"], authorId: [1], id: [1], updatedAt: () => new Date() } },
      },
    });
    expect(found).toEqual([
      "atrium.E144 seed.models.Book.fields.author: Book.author cannot be made by a seed plan: it is a relation; its records are picked from the related model's rows.",
      "atrium.E144 seed.models.Book.fields.authorId: Book.authorId cannot be made by a seed plan: it is a relation's key; it is picked from the related model's rows.",
      "atrium.E144 seed.models.Book.fields.id: Book.id cannot be made by a seed plan: the database or Prisma fills it in.",
      "atrium.E144 seed.models.Book.fields.updatedAt: Book.updatedAt cannot be made by a seed plan: the database or Prisma fills it in.",
    ]);
  });

  it("E145: a maker that is neither a list of values nor a function", () => {
    for (const maker of [[], "Dune", 3]) {
      expect(problems({ models: { Book: { count: 1, fields: { title: maker } } } })[0]).toMatch(
        /^atrium\.E145 seed\.models\.Book\.fields\.title: must be a list of values to pick from \(not empty\) or a function/,
      );
    }
  });

  it("E146: a listed value the field would refuse from a form, with its position", () => {
    expect(
      problems({ models: { Edition: { count: 1, fields: { format: ["HARDCOVER", "SCROLL"] } } } }),
    ).toEqual([
      expect.stringMatching(
        /^atrium\.E146 seed\.models\.Edition\.fields\.format\[1\]: .* \(got "SCROLL"\)\.$/,
      ),
    ]);
    expect(problems({ models: { Book: { count: 1, fields: { pageCount: [100, "many"] } } } })[0]).toMatch(
      /^atrium\.E146 seed\.models\.Book\.fields\.pageCount\[1\]: .*\(got "many"\)\.$/,
    );
  });

  it("E147: a seed that is not a whole number", () => {
    expect(problems({ seed: "abc", models: {} })).toEqual([
      'atrium.E147 seed.seed: must be a whole number of at least 0, got "abc".',
    ]);
  });

  it("E148: a model that cannot be generated, and why", () => {
    expect(problems({ models: { Zone: { count: 2 } } }, withZone)[0]).toMatch(
      /^atrium\.E148 seed\.models\.Zone: Zone cannot be generated: .*shape/,
    );
  });

  it("E149: an option a model's plan does not have", () => {
    expect(problems({ models: { Author: { cout: 3, count: 3 } } })).toEqual([
      "atrium.E149 seed.models.Author.cout: not an option of a seed plan; did you mean 'count'?",
    ]);
  });
});
