/**
 * The `seed` key of atrium.config.ts: how many rows each model should have and how chosen fields are made,
 * which `atrium seed` writes (docs/configuration.md, "Seed plans"). Typed by the project's schema like `models`.
 */
import type { FieldMaker } from "@atrium/generate";
import type { FieldName, ModelName } from "./registeredSchema.js";

export type { FieldMaker, FieldMakerContext } from "@atrium/generate";

export interface SeedModelPlan<Model extends ModelName> {
  /**
   * Rows the model should have. `atrium seed` adds what is missing and nothing more, so running it again adds
   * nothing, and raising the count adds the rows a bigger first run would have written.
   */
  count: number;
  /**
   * Makers for chosen fields, run in this order after the defaults are drawn: a list to pick from
   * (`["FICTION", "POETRY"]`), or a function of `{ faker, row, index }` (`({ faker }) => faker.book.title()`,
   * `({ row }) => slugify(row.title)`). Other fields get values by type and name, as `atrium generate` gives.
   * @default {}
   */
  fields?: { [Field in FieldName<Model>]?: FieldMaker };
}

export interface SeedConfig {
  /**
   * The random seed: the same seed and plan on the same database write the same rows.
   * @default 1
   */
  seed?: number;
  /** Models to fill; their required parents must be in the plan or already have rows. */
  models: { [Model in ModelName]?: SeedModelPlan<Model> };
}
