import type { ActionMeta } from "./actionMeta.js";
import type { ComputedColumnMeta } from "./computedColumns.js";
import type { InlineMeta } from "./inlineMeta.js";
/**
 * Model metadata: what Atrium knows about a schema, independent of Prisma.
 * Built once at start-up (by @atrium/prisma from the DMMF datamodel) and served as `GET /api/meta`.
 */

/** Prisma's scalar type names. `Unsupported` fields are shown but never written. */
export type ScalarType =
  | "String"
  | "Int"
  | "BigInt"
  | "Float"
  | "Decimal"
  | "Boolean"
  | "DateTime"
  | "Json"
  | "Bytes"
  | "Unsupported";

export type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

/** How a field gets its value when a create leaves it out. */
export type FieldDefault =
  | { kind: "autoincrement" }
  | { kind: "uuid" }
  | { kind: "cuid" }
  | { kind: "nanoid" }
  | { kind: "ulid" }
  | { kind: "now" }
  | { kind: "dbgenerated" }
  | { kind: "literal"; value: unknown };

export interface RelationMeta {
  /** Prisma's relation name (two relations between the same models differ by it). */
  name: string;
  /** Name of the related model (its Prisma name, not its URL key). */
  model: string;
  toMany: boolean;
  /** Scalar fields on *this* model holding the foreign key; empty on the side without the key. */
  fromFields: string[];
  /** Fields on the related model that `fromFields` point at. */
  toFields: string[];
  /** What deleting the referenced record does to the record holding the key (only on the side with the key). */
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  /** The field on the related model that is the other end of this relation. */
  backField?: string;
  /** True for implicit many-to-many relations (Prisma manages the join table). */
  isManyToMany: boolean;
}

export interface FieldMeta {
  name: string;
  /** Column name in the database when `@map` renames it. */
  dbName?: string;
  label: string;
  kind: "scalar" | "enum" | "relation";
  /** Prisma's type name: a ScalarType, the enum name, or the related model's name. */
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  /** Never accepted in writes: ids with generated defaults, @updatedAt, Unsupported, relation lists... */
  isReadOnly: boolean;
  hasDefault: boolean;
  default?: FieldDefault;
  isUpdatedAt: boolean;
  /** Native database type from `@db.X`, e.g. `["Date", []]` or `["VarChar", ["191"]]`. */
  nativeType?: [string, string[]];
  /** For `Unsupported("...")` fields, the database type text. */
  unsupportedType?: string;
  enumValues?: string[];
  relation?: RelationMeta;
  /** From `///` documentation comments, or the config's `models.<Model>.form.help`. */
  help?: string;
  /** Example text shown in an empty input (config `models.<Model>.form.placeholder`). */
  placeholder?: string;
  /** True when this scalar is (part of) the foreign key of a relation field. */
  isForeignKey: boolean;
}

export interface ModelMeta {
  /** URL key: kebab-case of the model name, e.g. `order-item`. */
  key: string;
  /** Prisma model name, e.g. `OrderItem`. */
  name: string;
  /** Table name when `@@map` renames it. */
  dbName?: string;
  /** Database schema of the table when `@@schema` places it in one (PostgreSQL multiSchema). */
  dbSchema?: string;
  label: string;
  labelPlural: string;
  /** The fields whose values address one record: @id, @@id, or (without them) the first @unique/@@unique. */
  idFields: string[];
  idKind: "id" | "compoundId" | "unique" | "compoundUnique";
  /** Prisma's name for the compound selector (`orderId_bookId`) when idFields has more than one field. */
  idSelectorName?: string;
  /**
   * Field used as the record's label (like Django's `__str__`), and to sort and search by label. With
   * `titleParts` it is the first part's scalar (its foreign key for a relation part).
   */
  titleField: string;
  /**
   * When the model has no natural title field, the fields whose values make its label, in order: scalar/enum
   * fields, or to-one relation fields whose related record's label is used. Derived from the model's identity
   * (a natural key, else its first unique constraint): `OrderItem` -> `["order", "book"]`. Labels join the parts
   * with " · ".
   */
  titleParts?: string[];
  /**
   * String fields searched by `q` and by relation look-ups. An entry may be a dotted path through to-one
   * relations (`book.title`): the related record's field is searched, so records labelled by a relation part
   * are found by the related record's title.
   */
  searchFields: string[];
  /** Compound unique constraints (each a list of field names), @@id excluded. */
  uniqueIndexes: string[][];
  /**
   * The indexes the schema declares: the primary key, @unique/@@unique and @@index (absent in metadata built
   * by hand: the id and unique fields then stand for them). What tells a sort the database can read from an
   * index from one that sorts the whole table (indexedSort.ts). A principal's view keeps only the leading
   * fields they may see.
   */
  indexes?: IndexMeta[];
  fields: FieldMeta[];
  /**
   * Only in one principal's view of the schema (`GET /api/meta`): fields they may set on create and edit but
   * never read back (configured `"writeOnly"`, e.g. a password hash). They are not in `fields`, so no list,
   * filter, sort or detail page can show them.
   */
  writeOnlyFields?: FieldMeta[];
  help?: string;
  /**
   * What the project's config (`models.<Model>`) says about the model's admin beyond labels, title, search
   * fields, help, placeholders and read-only fields (those are applied to the metadata above). Absent when
   * nothing is configured: every default applies.
   */
  admin?: ModelAdminMeta;
  /** The configured actions on a selection this user may run (`GET /api/meta` only). */
  bulkActions?: ActionMeta[];
  /** The configured actions on one record this user may run (`GET /api/meta` only). */
  recordActions?: ActionMeta[];
}

/** A titled section of a model's form (config `models.<Model>.form.fieldsets`). */
export interface FieldsetMeta {
  title: string;
  description?: string;
  /** Shown closed until opened (it opens by itself when one of its fields has an error). */
  collapsed?: boolean;
  /** Field names in the order shown. */
  fields: string[];
}

/** The create, change and delete buttons and routes of a model; `false` turns one off for everyone. */
export interface ModelActionsMeta {
  add: boolean;
  change: boolean;
  delete: boolean;
}

/** A model's configured admin options, checked against the schema at start-up. */
export interface ModelAdminMeta {
  /** Left out of the admin: its routes answer 404 and it appears in no navigation, look-up or count. */
  hidden?: boolean;
  actions?: ModelActionsMeta;
  list?: {
    /** Field names of the list's columns, in order. */
    columns?: string[];
    /** Field names offered as filters, in order. */
    filters?: string[];
    /** Sort when the request names none, as `sort` tokens (`-placedAt`); the id fields follow. */
    ordering?: string[];
    /** Rows per page when the request names none. */
    perPage?: number;
    /** The page sizes the pager offers. */
    perPageChoices?: number[];
    /** A DateTime field the list offers to narrow by year, month and day (Django's `date_hierarchy`). */
    dateHierarchy?: string;
    /** Columns edited in place in the list (Django's `list_editable`), saved together by `update-many`. */
    editable?: string[];
    /** Computed columns (computedColumns.ts), in config order; `columns` may name them. */
    computed?: ComputedColumnMeta[];
  };
  /**
   * A link from a record's page to the record on the project's site: `https://shop.example/books/{slug}`, each
   * `{field}` filled with the record's value (URL-encoded); no link when one of them is empty or hidden.
   */
  viewOnSite?: string;
  form?: {
    /** Sections of the create and edit forms; fields in none of them follow in a last, untitled section. */
    fieldsets?: FieldsetMeta[];
  };
  /** Children edited and saved with the record on its forms (config `models.<Model>.inlines`). */
  inlines?: InlineMeta[];
}

/** One index of a model's table, as the schema declares it. */
export interface IndexMeta {
  /** Field names in the index's order. */
  fields: string[];
  /** `id`: the primary key; `unique`: @unique/@@unique; `normal`: @@index; `fulltext`: MySQL's @@fulltext. */
  kind: "id" | "unique" | "normal" | "fulltext";
  /**
   * The index method when the schema names one other than a B-tree (PostgreSQL `type: Hash`, `Gin`, `Gist`,
   * `SpGist`, `Brin`): such an index orders nothing.
   */
  algorithm?: string;
  /** The PostgreSQL operator class of the leading field when the schema gives one (`text_pattern_ops`). */
  operatorClass?: string;
}

export interface EnumMeta {
  name: string;
  values: string[];
}

export interface SchemaMeta {
  provider: DatabaseProvider;
  /**
   * `"prisma"` when the datasource says `relationMode = "prisma"`: Prisma Client, not the database, enforces
   * relations and runs their referential actions. Absent for foreign keys (Prisma's default).
   */
  relationMode?: "prisma";
  models: ModelMeta[];
  enums: EnumMeta[];
}

export type DatabaseProvider = "sqlite" | "postgresql" | "mysql";

export function findModelByKey(schema: SchemaMeta, key: string): ModelMeta | undefined {
  return schema.models.find((model) => model.key === key);
}

export function findModelByName(schema: SchemaMeta, name: string): ModelMeta | undefined {
  return schema.models.find((model) => model.name === name);
}

/** `model` as `view` (one principal's copy of the schema, hidden fields removed) describes it; itself without a view. */
export function modelInView(model: ModelMeta, view: SchemaMeta | undefined): ModelMeta {
  return (view && findModelByName(view, model.name)) ?? model;
}

/** Whether the config leaves `action` on (every action is, unless `models.<Model>.actions` turns it off). */
export function modelActionEnabled(model: ModelMeta, action: keyof ModelActionsMeta): boolean {
  return model.admin?.actions?.[action] ?? true;
}

export function findField(model: ModelMeta, name: string): FieldMeta | undefined {
  return model.fields.find((field) => field.name === name);
}

export function scalarFields(model: ModelMeta): FieldMeta[] {
  return model.fields.filter((field) => field.kind !== "relation");
}
