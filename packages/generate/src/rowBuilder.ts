/**
 * One generated row of a model, as a WriteData: realistic scalar values, the keys of the records its to-one
 * relations point at (picked from the pools), a few many-to-many links, every unique constraint respected.
 * Row `index` of a seed is always the same row given the same pools: the random source is re-seeded from
 * (seed, model, index, attempt) before each row, so neither batch sizes nor other models change it.
 */
import type { DatabaseProvider, FieldMeta, ModelMeta, WriteData } from "@atrium/core";
import type { Faker } from "@faker-js/faker";
import { applyMakers, type FieldMakers } from "./fieldMakers.js";
import type { Pools, ToOnePool } from "./relationPools.js";
import { type Scalars, UniqueTracker } from "./uniqueTracker.js";
import { fieldValue } from "./values/fieldValue.js";

/** Share of optional fields and optional relations left empty. */
const emptyShare = 0.2;
/** Rows drawn again (with other values and other related records) before one that cannot be unique is dropped. */
const maxAttempts = 30;
/** Most records one row links to through each many-to-many relation. */
const maxLinks = 3;

export interface RowBuilderInput {
  model: ModelMeta;
  provider: DatabaseProvider;
  faker: Faker;
  seed: number;
  referenceDate: Date;
  pools: Pools;
  /**
   * Leave a required relation's key out when there is no record to point at, instead of failing the row: a
   * preview shows the rest of the row, whose parents would be generated first.
   * @default false
   */
  allowMissingParents?: boolean;
  /**
   * Whether the writer may set a field (a principal's hidden fields are not theirs to fill): others are left to
   * their default, or empty. Required fields must be writable; the caller checks that first.
   * @default every field
   */
  writable?: (field: string) => boolean;
  /** A seed plan's makers for chosen fields (fieldMakers.ts); they run after the drawn values, in order. */
  makers?: FieldMakers;
}

export interface RowBuilder {
  tracker: UniqueTracker;
  /** The row at `index`; null when no attempt could make it unique (all its unique values are references). */
  build(index: number): WriteData | null;
}

/** Defaults the database (or Prisma Client) fills in: such fields are left to it. */
const generatedByDatabase = new Set(["autoincrement", "uuid", "cuid", "nanoid", "ulid", "dbgenerated"]);

/** The scalar and enum fields a generated row sets itself (keys of relations are picked, not drawn). */
export function drawnFields(model: ModelMeta): FieldMeta[] {
  return model.fields.filter(
    (field) =>
      field.kind !== "relation" &&
      !field.isForeignKey &&
      !field.isReadOnly &&
      !field.isUpdatedAt &&
      field.type !== "Unsupported" &&
      !(field.default && generatedByDatabase.has(field.default.kind)),
  );
}

export function createRowBuilder(input: RowBuilderInput): RowBuilder {
  const { model, faker } = input;
  const tracker = new UniqueTracker(model, input.provider);
  const writable = input.writable ?? (() => true);
  const fields = drawnFields(model).filter((field) => writable(field.name));
  const toOne = input.pools.toOne.filter(
    (pool) => pool.field.isRequired || (pool.field.relation?.fromFields ?? []).every(writable),
  );
  const many = input.pools.many.filter((pool) => writable(pool.field.name));
  const makers = input.makers ?? {};
  // A made value is what the plan asked for: uniqueness is found by drawing the row again, never by altering it.
  const adjustable = new Set(
    fields.map((field) => field.name).filter((name) => !Object.hasOwn(makers, name)),
  );
  const modelSeed = hashText(model.name);
  const requiredScalars = new Set(
    model.fields.filter((field) => field.kind !== "relation" && field.isRequired).map((field) => field.name),
  );
  const context = { faker, model, provider: input.provider, referenceDate: input.referenceDate };

  const draw = (index: number): WriteData | null => {
    const scalars: Scalars = {};
    for (const field of fields) {
      scalars[field.name] =
        !field.isRequired && faker.number.float() < emptyShare ? null : fieldValue(field, context);
    }
    for (const pool of toOne) {
      if (!pickParent(pool, scalars)) return null;
    }
    applyMakers(model, makers, scalars, faker, index);
    const setMany: WriteData["setMany"] = {};
    for (const pool of many) {
      const count = faker.number.int({ min: 0, max: Math.min(maxLinks, pool.ids.length) });
      if (count > 0) setMany[pool.field.name] = faker.helpers.arrayElements(pool.ids, count);
    }
    return { scalars, connect: {}, setMany };
  };

  /** Sets the relation's key fields in `scalars`; false when a required relation has nothing to point at. */
  const pickParent = (pool: ToOnePool, scalars: Scalars): boolean => {
    const relation = pool.field.relation;
    if (!relation) return true;
    const from = relation.fromFields;
    // Keys shared with a relation picked before (a tenant id in both): only records that agree on them fit.
    const fixed = from.map((name) => (Object.hasOwn(scalars, name) ? scalars[name] : undefined));
    const fits = (key: unknown[]) =>
      fixed.every((value, i) => value === undefined || sameValue(value, key[i]));
    const candidates = fixed.some((value) => value !== undefined) ? pool.keys.filter(fits) : pool.keys;
    const choose = (key: unknown[] | null) => {
      // Left empty, a relation clears its nullable key fields; a required one it shares with another relation
      // (a tenant id) still needs a value, taken from a record that could have been picked.
      const filler = key ?? (candidates.length > 0 ? faker.helpers.arrayElement(candidates) : null);
      from.forEach((name, i) => {
        if (fixed[i] !== undefined) return;
        const required = requiredScalars.has(name);
        scalars[name] = key ? key[i] : required && filler ? filler[i] : null;
      });
      return true;
    };
    const optional = !pool.field.isRequired;
    if (optional && faker.number.float() < emptyShare) return choose(null);
    if (candidates.length === 0) {
      if (optional) return choose(null);
      return input.allowMissingParents === true;
    }
    const exclusive = tracker.constraints.find(
      (constraint) => constraint.length === from.length && from.every((name) => constraint.includes(name)),
    );
    const start = faker.number.int(candidates.length - 1);
    if (!exclusive) return choose(candidates[start] ?? null);
    // One-to-one: the next record from a random start that no row points at yet.
    for (let step = 0; step < candidates.length; step++) {
      const key = candidates[(start + step) % candidates.length] ?? [];
      const probe = { ...scalars };
      from.forEach((name, i) => {
        probe[name] = key[i];
      });
      if (!tracker.isTaken(exclusive, probe)) return choose(key);
    }
    if (optional) return choose(null);
    return false;
  };

  return {
    tracker,
    build(index) {
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        faker.seed([input.seed, modelSeed, index, attempt]);
        const row = draw(index);
        if (row && tracker.settle(row.scalars, adjustable)) {
          tracker.commit(row.scalars);
          return row;
        }
      }
      return null;
    },
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return String(a) === String(b);
}

/** FNV-1a: a stable 32-bit number for a model name, part of each row's seed. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
