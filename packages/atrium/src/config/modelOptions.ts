import type { ActionOptions as RunActionOptions } from "./actionOptions.js";
import type { InlineOptions } from "./inlineOptions.js";
import type { FieldName, FieldPath, ModelName, ToManyFieldPath, ToManyName } from "./registeredSchema.js";

/** A sort entry: a field, descending with a leading `-` (`"-placedAt"`). */
export type OrderingEntry<Model extends ModelName> = FieldPath<Model> | `-${FieldPath<Model>}`;

/** The list page of a model (Django's `list_display`, `search_fields`, `list_filter`, `ordering`...). */
export interface ListOptions<Model extends ModelName> {
  /**
   * The columns, in order: scalar fields, enums, to-one relations and the names of `computed` columns.
   * @default the title field, then up to five that fit (computed columns follow them)
   */
  columns?: (FieldName<Model> | (string & {}))[];
  /** Columns computed on the server, by name (not a field's name); see `ComputedColumn`. @default {} */
  computed?: Record<string, ComputedColumn<Model>>;
  /**
   * Fields the search box looks in: text fields, also through to-one relations (`"author.name"`).
   * @default the title field and well-known names (name, title, email, slug...)
   */
  search?: FieldPath<Model>[];
  /** The filters the list offers, in order. @default every filterable field but ids and foreign keys, in schema order */
  filters?: FieldName<Model>[];
  /** Sort when the URL names none, e.g. `"-placedAt"` (newest first); the id fields always follow. @default the id fields, descending */
  ordering?: OrderingEntry<Model> | OrderingEntry<Model>[];
  /** Rows per page when the URL names none. @default 25 */
  perPage?: number;
  /** The page sizes the pager offers (each 1 to 200). @default [10, 25, 50, 100] */
  perPageChoices?: number[];
  /**
   * A DateTime field to narrow the list by year, then month, then day, with links above it (Django's
   * `date_hierarchy`). An index leading with the field keeps it fast on big tables (atrium.W150 says so).
   * @default none
   */
  dateHierarchy?: FieldName<Model>;
  /**
   * Columns edited in place in the list (Django's `list_editable`): text, number, boolean, enum and date fields
   * that are columns of the list; the changed rows are saved together, with the form's checks, `$version`
   * conflicts and an audit entry per record. @default none
   */
  editable?: FieldName<Model>[];
}

/** A one-to-many relation's field, `"reviews.stars"` (that it is a number is checked at start-up, E115). */
export type RelationField<Model extends ModelName> = ToManyFieldPath<Model>;

/** The row a `value` function receives: the list row's fields this user may see, as the API sends them. */
export type ComputedRow = Readonly<Record<string, unknown>>;

/**
 * A computed list column. An aggregate of a to-many relation is read for the page's rows only (one statement
 * per relation and page); `count` is sortable (on lists small enough to sort without an index), the others
 * are not. A `value` function runs on the server for each row of the page and is not sortable; when it
 * throws, that cell shows the error and the rest of the list is served.
 */
export type ComputedColumn<Model extends ModelName> = { /** @default the name in words */ label?: string } & (
  | {
      /** How many related records each row has: a to-many relation, `"reviews"`. */ count: ToManyName<Model>;
    }
  | { /** The total of a numeric field of the related records (0 when none). */ sum: RelationField<Model> }
  | {
      /** The mean of a numeric field of the related records (null when none). */ average: RelationField<Model>;
    }
  | {
      /** The smallest value of a numeric field of the related records (null when none). */ min: RelationField<Model>;
    }
  | {
      /** The largest value of a numeric field of the related records (null when none). */ max: RelationField<Model>;
    }
  | {
      /** Runs on the server per row; gets only the fields the user may see. */
      value: (row: ComputedRow) => string | number | null;
    }
);

/** A titled section of the create and edit forms (Django's `fieldsets`). */
export interface Fieldset<Model extends ModelName> {
  title: string;
  /** A sentence under the title. */
  description?: string;
  /** Closed until the user opens it; it opens by itself when one of its fields has an error. @default false */
  collapsed?: boolean;
  /** The fields of the section, in order. */
  fields: FieldName<Model>[];
}

/** The create and edit forms of a model. */
export interface FormOptions<Model extends ModelName> {
  /**
   * Fields shown but never editable: the forms show them disabled and the server refuses writes to them
   * (422). Not for required fields without a default while the model can be added.
   * @default [] (only what the schema makes read-only: generated ids, `@updatedAt`)
   */
  readOnly?: FieldName<Model>[];
  /** Sections; fields in none of them follow in a last, untitled section. @default one untitled section */
  fieldsets?: Fieldset<Model>[];
  /** Help text under an input, replacing the field's `///` comment. @default the `///` comment */
  help?: Partial<Record<FieldName<Model>, string>>;
  /** Example text in an empty input. @default none */
  placeholder?: Partial<Record<FieldName<Model>, string>>;
}

/** Whether the admin offers adding, changing and deleting records; `false` removes the button and the route. */
export interface ActionOptions {
  /** @default true */
  add?: boolean;
  /** @default true */
  change?: boolean;
  /** @default true */
  delete?: boolean;
}

/** One model's admin (Django's `ModelAdmin`); every option is optional and checked at start-up (docs/checks.md). */
export interface ModelOptions<Model extends ModelName> {
  /** The model's name in the admin, singular. @default the model name in words ("Order item") */
  label?: string;
  /** @default the label's plural ("Order items") */
  pluralLabel?: string;
  /**
   * Fields' names in the admin (Django's `verbose_name`): form labels, column headers, filters, the record page,
   * history and messages. @default the field name in words, acronyms in capitals (`isbn`: "ISBN", `dob`: "Dob")
   */
  fieldLabels?: Partial<Record<FieldName<Model>, string>>;
  /** The field that labels a record in lists, look-ups and breadcrumbs. @default name, title, email... else the id */
  titleField?: FieldName<Model>;
  list?: ListOptions<Model>;
  form?: FormOptions<Model>;
  /**
   * "View on site" on the record's page: a URL template, absolute (`https://shop.example/books/{slug}`) or from
   * the site's root (`/books/{id}`), each `{field}` filled with the record's value, URL-encoded. No link when a
   * named field is empty or hidden from the user. @default none
   */
  viewOnSite?: string;
  /** Left out of the admin entirely: no navigation, look-up, count or route (404). @default false */
  hidden?: boolean;
  actions?: ActionOptions;
  /** Actions on a list's selection ("Mark as shipped"), beside the bulk delete. @default [] */
  bulkActions?: RunActionOptions[];
  /** Actions on one record, in its page's actions menu ("Add note"), beside the built-in "Duplicate". @default [] */
  recordActions?: RunActionOptions[];
  /** Children edited on the parent's create and edit forms (Django's inlines). @default [] */
  inlines?: InlineOptions[];
}

/** `models` of the config: options keyed by model name. */
export type ModelsConfig = { [Model in ModelName]?: ModelOptions<Model> };
