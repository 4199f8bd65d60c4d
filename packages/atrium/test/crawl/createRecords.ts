/**
 * Creates a few records of every model through the API, parents first, with bodies generated from the metadata:
 * the first with only what the metadata says is required, the others with every writable field and relation.
 * A body built from the metadata must be accepted; when the API refuses it, the refusal is a finding and the
 * records are arranged through the data source instead, so that the model's read channels are still crawled.
 */
import { decodeWrite, type FieldMeta, serializeRow } from "@atrium/core";
import { lastWords } from "./crawlLog.js";
import { type CrawledModel, type CrawlState, modelPath, type Row } from "./crawlState.js";
import { sampleValue } from "./sampleValue.js";

export const recordsPerModel = 3;

/** Models in an order where every to-one relation's target comes first when it can (cycles cut anywhere). */
export function parentsFirst(models: CrawledModel[]): CrawledModel[] {
  const byName = new Map(models.map((model) => [model.full.name, model]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: CrawledModel[] = [];
  const visit = (model: CrawledModel) => {
    if (done.has(model.full.name) || visiting.has(model.full.name)) return;
    visiting.add(model.full.name);
    for (const field of model.full.fields) {
      const target =
        field.relation && field.relation.fromFields.length > 0 && byName.get(field.relation.model);
      if (target && target !== model) visit(target);
    }
    visiting.delete(model.full.name);
    done.add(model.full.name);
    order.push(model);
  };
  for (const model of models) visit(model);
  return order;
}

type Body = Record<string, unknown>;

/**
 * The create body of record `n` for `fields` (a model's fields as some principal sees them), or a reason why none
 * can be made (a required relation to a model without records).
 */
export function createBody(
  state: CrawlState,
  fields: FieldMeta[],
  n: number,
): { body: Body } | { blocked: string } {
  const minimal = n === 0;
  const body: Body = {};
  const heldByRelation = new Set(fields.flatMap((field) => field.relation?.fromFields ?? []));
  for (const field of fields) {
    if (field.isReadOnly || field.isUpdatedAt) continue;
    if (field.kind === "relation") {
      const relation = field.relation;
      if (!relation) continue;
      // A relation to a unique that is not the id can only point at records that have a value there (one
      // without is refused with a 422 on the relation, as it should be).
      const targets = (state.byName.get(relation.model)?.rows ?? []).filter((target) =>
        relation.toFields.every((name) => target[name] !== null),
      );
      if (relation.toMany) {
        if (!relation.isManyToMany || minimal || targets.length === 0) continue;
        body[field.name] = [
          ...new Set([targets[n % targets.length].$id, targets[(n + 1) % targets.length].$id]),
        ];
        continue;
      }
      if (relation.fromFields.length === 0 || (minimal && !field.isRequired)) continue;
      if (targets.length === 0) {
        if (field.isRequired) return { blocked: `no ${relation.model} record to relate ${field.name} to` };
        continue;
      }
      // Optional relations point one record back, so that the first, minimal record (its own optional fields
      // empty) is related to as well.
      const pick = field.isRequired ? n : n - 1;
      body[field.name] = targets[pick % targets.length].$id;
      continue;
    }
    if (heldByRelation.has(field.name)) continue;
    if (minimal && (!field.isRequired || field.hasDefault)) continue;
    const value = sampleValue(field, n);
    if (value !== undefined) body[field.name] = value;
  }
  return { body };
}

/** Creates the records of every model, in `state.order`. */
export async function createRecords(state: CrawlState): Promise<void> {
  for (const model of state.order) {
    if (model.meta.permissions?.add === false) {
      // By design (a required field hidden from everyone): arranged below, its reads still crawled.
      model.notCreated = "the API offers no Add for this model (permissions.add is false)";
    }
    // The one record of a model crawled briefly has every field: its optional relations are exercised too.
    const ordinals = model.everyChannel ? [...Array(recordsPerModel).keys()] : [1];
    for (const n of ordinals) {
      if (!model.notCreated && (await createThroughApi(state, model, n))) continue;
      await arrange(state, model, n);
    }
  }
}

async function createThroughApi(state: CrawlState, model: CrawledModel, n: number): Promise<boolean> {
  const made = createBody(state, [...model.meta.fields, ...(model.meta.writeOnlyFields ?? [])], n);
  if (!("body" in made)) {
    state.log.add(model.meta.key, "create", `record ${n} not created: ${made.blocked}`);
    return false;
  }
  const { body } = made;
  const res = await state.log.request(model.meta.key, "create", modelPath(model), {
    method: "POST",
    body,
    expect: [201],
  });
  if (res?.status !== 201) return false;
  const row: Row = res.body.data;
  // Many-to-many counts are checked here: later records may join the same sets.
  for (const [name, value] of Object.entries(body)) {
    const field = model.meta.fields.find((candidate) => candidate.name === name);
    if (field?.relation?.isManyToMany && row[name] !== (value as unknown[]).length) {
      state.log.add(
        model.meta.key,
        `readback:${name}`,
        `linked ${(value as unknown[]).length}, answered ${row[name]}`,
      );
    }
  }
  model.rows.push(row);
  model.sent.set(row.$id, body);
  return true;
}

/** Creates record `n` through the data source with every field of the schema, hidden ones included. */
async function arrange(state: CrawlState, model: CrawledModel, n: number): Promise<void> {
  const made = createBody(state, model.full.fields, n);
  if (!("body" in made)) return;
  try {
    const data = decodeWrite(state.api.schema, model.full, made.body, "create");
    const stored = await state.dataSource.create(model.full, data);
    model.rows.push(serializeRow(state.api.schema, model.full, stored));
  } catch (error) {
    const message = error instanceof Error ? lastWords(error.message) : String(error);
    state.log.add(
      model.meta.key,
      "arrange",
      `record ${n} could not be arranged either: ${message.slice(0, 300)}`,
    );
  }
}
