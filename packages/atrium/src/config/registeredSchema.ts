/**
 * The user's schema as the type checker sees it. `atrium types` (run by `init`, `dev` and `build`) writes
 * `atrium-env.d.ts` into the project, which fills this interface in by declaration merging:
 *
 *   declare module "atrium" { interface AtriumRegister { schema: { models: { Book: "id" | "title" } } } }
 *
 * Until then every model and field name is a plain string, so a config type-checks before its first build.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the generated atrium-env.d.ts
export interface AtriumRegister {}

type RegisteredModels = AtriumRegister extends { schema: { models: infer Models } }
  ? Models
  : Record<string, string>;

/** A model of the user's schema, by its Prisma name. */
export type ModelName = keyof RegisteredModels & string;

/** A field (scalar or relation) of one model. */
export type FieldName<Model extends ModelName> = RegisteredModels[Model] & string;

/** `"Model.field"`, as the `fields` rules are keyed. */
export type FieldKey = { [Model in ModelName]: `${Model}.${FieldName<Model>}` }[ModelName];

/** One model, or one field of it: `{ model: "Book", field: "title" }`, checked together. */
export type ModelFieldRef = { [Model in ModelName]: { model: Model; field?: FieldName<Model> } }[ModelName];
