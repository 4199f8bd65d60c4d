import type { FieldMeta, ModelMeta, SchemaMeta } from "../../packages/core/src/index.js";
import type { ApiRow, AtriumApi, RecordRef } from "./AtriumApi.js";
import {
  isInUniqueConstraint,
  relationKeyFields,
  requiredCreateFields,
  requiredWriteOnlyFields,
} from "./schemaMeta.js";

/** A field's value as the API takes it, except to-one relations, which stay `{ $id, $label }` for the UI. */
export type SampleValue = string | number | boolean | null | RecordRef | Record<string, unknown>;
export type Samples = Record<string, SampleValue>;

export interface SampleOptions {
  /**
   * Create a fresh record for every required to-one relation instead of reusing an existing one, so the
   * UI can search it by a label nobody else has. Relations inside a unique constraint are always fresh.
   */
  freshRelations?: boolean;
  /** Values to use as given (relations as `{ $id, $label }` or a `$id` string). */
  overrides?: Samples;
}

// One run's prefix plus a counter: unique within a run and across runs over the same database.
const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
let counter = 0;

/** A short text no other record has, e.g. `mifx2k9a7q-3`. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${runId}-${counter}`;
}

/** `length` digits for a number that must be unique (an ISBN, say). */
export function uniqueDigits(length: number): string {
  counter += 1;
  // Counter for uniqueness within the run, random digits against earlier runs over the same database.
  const random = String(Math.floor(Math.random() * 1e9)).padStart(9, "0");
  const digits = `${random}${String(counter % 1000).padStart(3, "0")}`;
  return digits.slice(-length).padStart(length, "1");
}

const baseDay = Date.UTC(2026, 2, 4, 5, 6, 7);

/**
 * What to type in a picker to find `row`: the value of the model's first search field. A path through a
 * relation (`book.title`) ends at the related record, whose label stands for it.
 */
export function searchText(model: ModelMeta, row: ApiRow): string {
  let value: unknown = row;
  for (const segment of (model.searchFields[0] ?? "").split(".")) {
    if (value === null || typeof value !== "object") break;
    const next: unknown = (value as Record<string, unknown>)[segment];
    if (next !== null && typeof next === "object" && "$label" in next) return String(next.$label);
    value = next;
  }
  return typeof value === "string" && value !== "" ? value : row.$label;
}

/**
 * Builds valid create bodies for any model from the metadata, and creates records through the API.
 * Required relations point at an existing record (`GET /api/lookup/{key}`), or at a new one when the
 * key is part of a unique constraint (a second profile for the same customer would be refused).
 */
export class TestDataFactory {
  /** Records this test made, oldest first, so that `cleanup` can take them away again. */
  private readonly made: { modelKey: string; id: string }[] = [];

  constructor(readonly api: AtriumApi) {}

  /** Takes a record made another way (through the UI, say) into `cleanup`. */
  track(modelKey: string, id: string): void {
    this.made.push({ modelKey, id });
  }

  /**
   * Deletes what the test made, newest first (children before the records they point at), so the other
   * specs of the run still read the seed's exact counts. Records already gone (a cascade, the test itself)
   * are fine; anything else left behind is reported.
   */
  async cleanup(): Promise<void> {
    const problems: string[] = [];
    for (const { modelKey, id } of this.made.splice(0).reverse()) {
      const status = await this.api.remove(modelKey, id);
      if (status !== 204 && status !== 404) problems.push(`${modelKey} ${id}: HTTP ${status}`);
    }
    if (problems.length > 0) throw new Error(`Test data left behind: ${problems.join("; ")}`);
  }

  meta(): Promise<SchemaMeta> {
    return this.api.meta();
  }

  /** The model as GET /api/meta describes it to the signed-in user (hidden fields removed, write-only apart). */
  async model(key: string): Promise<ModelMeta> {
    const model = (await this.meta()).models.find((candidate) => candidate.key === key);
    if (!model) throw new Error(`No model '${key}' in GET /api/meta`);
    return model;
  }

  /** A value for one scalar or enum field; `unique` adds a suffix nobody else has. */
  scalarSample(model: ModelMeta, field: FieldMeta): SampleValue {
    const unique = isInUniqueConstraint(model, field) || field.name === model.titleField;
    if (field.kind === "enum") return field.enumValues?.[0] ?? null;
    switch (field.type) {
      case "String":
        if (/email/i.test(field.name)) return `e2e.${uniqueSuffix()}@example.test`;
        return `E2E ${field.label} ${uniqueSuffix()}`;
      case "Int":
        return unique ? Number(uniqueDigits(8)) : 3;
      case "Float":
        return unique ? Number(`${uniqueDigits(6)}.5`) : 2.5;
      case "BigInt":
        return `979${uniqueDigits(10)}`;
      case "Decimal":
        return unique ? `${uniqueDigits(6)}.25` : "12.25";
      case "Boolean":
        return true;
      case "DateTime": {
        if (field.nativeType?.[0] === "Date") return "2026-03-04";
        const offset = unique ? (Number(uniqueDigits(6)) % 500_000) * 60_000 : 0;
        return new Date(baseDay + offset).toISOString();
      }
      case "Json":
        return { e2e: uniqueSuffix() };
      case "Bytes":
        return "AAECAwQ=";
      default:
        throw new Error(`No sample for ${model.name}.${field.name} of type ${field.type}`);
    }
  }

  /** A related record for a required to-one relation: a new one, or the first the look-up offers. */
  async relationSample(model: ModelMeta, field: FieldMeta, fresh: boolean): Promise<RecordRef> {
    const meta = await this.meta();
    const related = meta.models.find((candidate) => candidate.name === field.relation?.model);
    if (!related) throw new Error(`${model.name}.${field.name} points at an unknown model`);
    if (fresh || isInUniqueConstraint(model, field) || related.key === model.key) {
      const row = await this.create(related.key);
      return { $id: row.$id, $label: row.$label, search: searchText(related, row) };
    }
    const [first] = await this.api.lookup(related.key);
    if (first) return first;
    const row = await this.create(related.key);
    return { $id: row.$id, $label: row.$label };
  }

  /**
   * Values for every field a create needs, plus the title field so the new record has a label of its
   * own. Relations come as `{ $id, $label }`. Required write-only fields (the meta's `writeOnlyFields`,
   * e.g. the demo's Staff.passwordHash) get a value too: a create needs them, though nobody reads them back.
   */
  async samples(modelKey: string, options: SampleOptions = {}): Promise<Samples> {
    const model = await this.model(modelKey);
    const overrides = options.overrides ?? {};
    const fields = [...requiredCreateFields(model), ...requiredWriteOnlyFields(model)];
    const title = model.fields.find((field) => field.name === model.titleField);
    const ownTitle =
      title?.kind === "scalar" &&
      title.type === "String" &&
      !title.isReadOnly &&
      !relationKeyFields(model).has(title.name);
    if (title && ownTitle && !fields.includes(title)) {
      fields.push(title);
    }
    const values: Samples = {};
    for (const field of fields) {
      if (field.name in overrides) continue;
      values[field.name] =
        field.kind === "relation"
          ? await this.relationSample(model, field, options.freshRelations ?? false)
          : this.scalarSample(model, field);
    }
    return { ...values, ...overrides };
  }

  /** The create body of `samples` (relations as `$id`s). */
  toBody(samples: Samples): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(samples).map(([name, value]) => [
        name,
        value !== null && typeof value === "object" && "$id" in value ? value.$id : value,
      ]),
    );
  }

  /** A valid `POST /api/records/{key}` body. */
  async createBody(modelKey: string, overrides: Samples = {}): Promise<Record<string, unknown>> {
    return this.toBody(await this.samples(modelKey, { overrides }));
  }

  /** Creates a record through the API and answers it as stored. */
  async create(modelKey: string, overrides: Samples = {}): Promise<ApiRow> {
    const row = await this.api.create(modelKey, await this.createBody(modelKey, overrides));
    this.track(modelKey, row.$id);
    return row;
  }
}
