/**
 * Which models get how many rows, in which order, so that every required relation has a record to point at:
 * a model's required parents come first, generated when they have no records (or, for a one-to-one, too few
 * free ones). `--all` orders every model parents first, optional parents too where a cycle allows it: a cycle
 * is broken at its optional relations, which are then left empty or point at records that already exist.
 */
import {
  AtriumError,
  type DatabaseProvider,
  type DataSource,
  type ModelMeta,
  type SchemaMeta,
} from "@atrium/core";
import { keyedRelations, relatedOf } from "./relationPools.js";

export interface GenerationStep {
  model: ModelMeta;
  count: number;
}

/** Why a model cannot be generated at all, or undefined when it can. */
export function cannotGenerate(model: ModelMeta, provider: DatabaseProvider): string | undefined {
  const bigSerial = model.fields.find(
    (field) => field.isId && field.type === "BigInt" && field.default?.kind === "autoincrement",
  );
  if (bigSerial && provider === "sqlite") {
    return `${model.name}.${bigSerial.name} is a BigInt autoincrement id, which SQLite does not number (Prisma creates it as BIGINT PRIMARY KEY); make it an Int`;
  }
  const unsupported = model.fields.find(
    (field) => field.type === "Unsupported" && field.isRequired && !field.hasDefault,
  );
  if (unsupported) {
    return `${model.name}.${unsupported.name} is a required ${unsupported.unsupportedType ?? "Unsupported"} column without a default; Atrium cannot write it`;
  }
  const selfRequired = keyedRelations(model).find(
    (field) => field.isRequired && field.relation?.model === model.name,
  );
  if (selfRequired) {
    return `${model.name}.${selfRequired.name} is a required relation to ${model.name} itself, so its first record has nothing to point at; make it optional`;
  }
  return undefined;
}

/** A model's fields that form a one-to-one key: each parent can be pointed at by one row only. */
function isOneToOne(model: ModelMeta, fromFields: string[]): boolean {
  const same = (fields: string[]) =>
    fields.length === fromFields.length && fromFields.every((name) => fields.includes(name));
  return (
    same(model.idFields) ||
    model.uniqueIndexes.some(same) ||
    (fromFields.length === 1 && model.fields.some((field) => field.name === fromFields[0] && field.isUnique))
  );
}

export async function planGeneration(
  schema: SchemaMeta,
  dataSource: DataSource,
  targets: GenerationStep[],
): Promise<GenerationStep[]> {
  const existing = new Map<string, number>();
  const scheduled = new Map<string, number>();
  const steps: GenerationStep[] = [];
  const countOf = async (model: ModelMeta) => {
    let count = existing.get(model.name);
    if (count === undefined) {
      const counted = await dataSource.count(model);
      // An estimate means a big table: plenty to point at.
      count = counted.total ?? Number.MAX_SAFE_INTEGER;
      existing.set(model.name, count);
    }
    return count + (scheduled.get(model.name) ?? 0);
  };

  const visit = async (model: ModelMeta, count: number, chain: string[]): Promise<void> => {
    const reason = cannotGenerate(model, schema.provider);
    if (reason) throw new AtriumError("bad_request", reason);
    if (chain.includes(model.name)) {
      throw new AtriumError(
        "bad_request",
        `${[...chain, model.name].join(" -> ")} is a cycle of required relations; make one of them optional`,
      );
    }
    for (const field of keyedRelations(model)) {
      const parent = relatedOf(schema, field);
      if (!field.isRequired || parent.name === model.name) continue;
      const available = await countOf(parent);
      const needed = isOneToOne(model, field.relation?.fromFields ?? [])
        ? count + (await countOf(model)) - available
        : available === 0
          ? count
          : 0;
      if (needed > 0) await visit(parent, needed, [...chain, model.name]);
    }
    steps.push({ model, count });
    scheduled.set(model.name, (scheduled.get(model.name) ?? 0) + count);
  };

  for (const target of targets) await visit(target.model, target.count, []);
  return steps;
}

/**
 * Every model that can be generated, parents before children: required parents always, optional ones unless
 * they are part of a cycle in progress (where the cycle is broken). Models that cannot be generated are left
 * out, with their reason.
 */
export function orderForAll(schema: SchemaMeta): {
  models: ModelMeta[];
  skipped: { model: ModelMeta; reason: string }[];
} {
  const skipped = schema.models
    .map((model) => ({ model, reason: cannotGenerate(model, schema.provider) }))
    .filter((entry): entry is { model: ModelMeta; reason: string } => entry.reason !== undefined);
  const blocked = new Set(skipped.map((entry) => entry.model.name));
  const done = new Set<string>();
  const inProgress = new Set<string>();
  const models: ModelMeta[] = [];
  const order = (model: ModelMeta) => {
    if (done.has(model.name) || inProgress.has(model.name) || blocked.has(model.name)) return;
    inProgress.add(model.name);
    const parents = keyedRelations(model).map((field) => ({ field, parent: relatedOf(schema, field) }));
    // Required parents first: when a cycle passes through this model, its required side is the one kept.
    parents.sort((a, b) => Number(b.field.isRequired) - Number(a.field.isRequired));
    for (const { parent } of parents) if (parent.name !== model.name) order(parent);
    inProgress.delete(model.name);
    const missing = parents.find(({ field, parent }) => field.isRequired && blocked.has(parent.name));
    if (missing) {
      blocked.add(model.name);
      skipped.push({
        model,
        reason: `${model.name} needs ${missing.parent.name}, which cannot be generated`,
      });
      return;
    }
    done.add(model.name);
    models.push(model);
  };
  for (const model of schema.models) order(model);
  return { models, skipped };
}
