/**
 * The user's schema as the type checker sees it. `atrium types` (run by `init`, `dev` and `build`) writes
 * `atrium-env.d.ts` into the project, which fills this interface in by declaration merging:
 *
 *   declare module "atrium" {
 *     interface AtriumRegister {
 *       schema: { models: { Book: "id" | "title" | "author" }; relations: { Book: { author: "Author" } } }
 *     }
 *   }
 *
 * Until then every model and field name is a plain string, so a config type-checks before its first build.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the generated atrium-env.d.ts
export interface AtriumRegister {}

type RegisteredModels = AtriumRegister extends { schema: { models: infer Models } }
  ? Models
  : Record<string, string>;

// A file written by an older `atrium types` has no relations: paths through them are then plain strings.
type RegisteredRelations = AtriumRegister extends { schema: { relations: infer Relations } }
  ? Relations
  : Record<string, Record<string, string>>;

// Written by `atrium types` since computed columns; older files type these as plain strings.
type RegisteredToMany = AtriumRegister extends { schema: { toMany: infer ToMany } }
  ? ToMany
  : Record<string, Record<string, string>>;

/** A model of the user's schema, by its Prisma name. */
export type ModelName = keyof RegisteredModels & string;

/** A field (scalar or relation) of one model. */
export type FieldName<Model extends ModelName> = RegisteredModels[Model] & string;

/** `"Model.field"`, as the `fields` rules are keyed. */
export type FieldKey = { [Model in ModelName]: `${Model}.${FieldName<Model>}` }[ModelName];

/** One model, or one field of it: `{ model: "Book", field: "title" }`, checked together. */
export type ModelFieldRef = { [Model in ModelName]: { model: Model; field?: FieldName<Model> } }[ModelName];

/** The to-one relations of a model, each with the model it points at. */
type ToOneRelations<Model extends ModelName> = Model extends keyof RegisteredRelations
  ? RegisteredRelations[Model]
  : Record<never, string>;

/**
 * A field of the model, or a field reached through its to-one relations (`author.name`). The first step is
 * checked by tsc; deeper paths (`book.author.name`) only by the start-up checks.
 */
export type FieldPath<Model extends ModelName> =
  | FieldName<Model>
  | {
      [Relation in keyof ToOneRelations<Model> & string]:
        | `${Relation}.${FieldName<ToOneRelations<Model>[Relation] & ModelName>}`
        | `${Relation}.${string}.${string}`;
    }[keyof ToOneRelations<Model> & string];

/** The one-to-many relations of a model, each with the model it points at. */
type ToManyRelations<Model extends ModelName> = Model extends keyof RegisteredToMany
  ? RegisteredToMany[Model]
  : Record<never, string>;

/** A one-to-many relation of the model (`"reviews"`), as a computed `count` takes it. */
export type ToManyName<Model extends ModelName> = keyof ToManyRelations<Model> & string;

/** A field of a one-to-many relation's model (`"reviews.stars"`), as a computed `sum` or `average` takes it. */
export type ToManyFieldPath<Model extends ModelName> = {
  [Relation in ToManyName<Model>]: `${Relation}.${FieldName<ToManyRelations<Model>[Relation] & ModelName>}`;
}[ToManyName<Model>];
