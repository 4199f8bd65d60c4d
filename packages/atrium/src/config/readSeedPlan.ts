/**
 * Start-up checks of the `seed` config key (codes atrium.E140–E149, docs/checks.md), and the plan they allow:
 * models in the order their rows can be written (parents first), each with its count and field makers. A list's
 * values are checked here, each as a form's value would be; a function's are checked as it answers them.
 */
import { closestMatch, isAtriumError, type ModelMeta, type SchemaMeta } from "@atrium/core";
import { type FieldMakers, makerValue, orderForAll, unmakeableReason } from "@atrium/generate";
import { type ConfigCheck, didYouMean } from "./configCheck.js";

/** Most rows one model's plan may ask for: a typo of three zeros should not run for hours. */
export const maxSeedCount = 1_000_000;

export interface SeedStep {
  model: ModelMeta;
  count: number;
  makers: FieldMakers;
}

export interface SeedPlanResult {
  checks: ConfigCheck[];
  seed: number;
  /** Parents before children; empty while there are checks. */
  steps: SeedStep[];
}

const planKeys = ["count", "fields"];

export function readSeedPlan(raw: unknown, schema: SchemaMeta): SeedPlanResult {
  const checks: ConfigCheck[] = [];
  const fail = (code: number, message: string) => checks.push({ code: `atrium.E${code}`, message });
  if (raw === undefined) return { checks, seed: 1, steps: [] };
  if (!isObject(raw) || !isObject(raw.models)) {
    fail(140, "seed: must be { seed?: number, models: { <Model>: { count, fields? } } }.");
    return { checks, seed: 1, steps: [] };
  }
  const seed = raw.seed ?? 1;
  if (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0) {
    fail(147, `seed.seed: must be a whole number of at least 0, got ${shown(seed)}.`);
  }
  const { models: ordered, skipped } = orderForAll(schema);
  const names = schema.models.map((model) => model.name);
  const found = new Map<string, SeedStep>();
  for (const [name, plan] of Object.entries(raw.models)) {
    const path = `seed.models.${name}`;
    const model = schema.models.find((candidate) => candidate.name === name);
    if (!model) {
      fail(141, `${path}: '${name}' is not a model of the schema${didYouMean(closestMatch(name, names))}`);
      continue;
    }
    const cannot = skipped.find((entry) => entry.model.name === name);
    if (cannot) {
      fail(148, `${path}: ${model.name} cannot be generated: ${cannot.reason}`);
      continue;
    }
    if (!isObject(plan)) {
      fail(140, `${path}: must be { count: number, fields?: { ... } }.`);
      continue;
    }
    for (const key of Object.keys(plan).filter((key) => !planKeys.includes(key))) {
      fail(149, `${path}.${key}: not an option of a seed plan${didYouMean(closestMatch(key, planKeys))}`);
    }
    const count = plan.count;
    if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0 || count > maxSeedCount) {
      fail(
        142,
        `${path}.count: must be a whole number of rows from 0 to ${maxSeedCount.toLocaleString("en-US")}, got ${shown(count)}.`,
      );
    }
    const makers = readMakers(model, `${path}.fields`, plan.fields, fail);
    found.set(model.name, { model, count: typeof count === "number" ? count : 0, makers });
  }
  if (checks.length > 0) return { checks, seed: 1, steps: [] };
  const steps = ordered.flatMap((model) => found.get(model.name) ?? []);
  return { checks, seed: seed as number, steps };
}

function readMakers(
  model: ModelMeta,
  path: string,
  raw: unknown,
  fail: (code: number, message: string) => void,
): FieldMakers {
  if (raw === undefined) return {};
  if (!isObject(raw)) {
    fail(
      140,
      `${path}: must be an object of field makers, e.g. { title: ({ faker }) => faker.book.title() }.`,
    );
    return {};
  }
  const makers: Record<string, FieldMakers[string]> = {};
  const names = model.fields.map((field) => field.name);
  for (const [name, maker] of Object.entries(raw)) {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field) {
      fail(
        143,
        `${path}.${name}: '${name}' is not a field of ${model.name}${didYouMean(closestMatch(name, names))}`,
      );
      continue;
    }
    const reason = unmakeableReason(model, field);
    if (reason) {
      fail(144, `${path}.${name}: ${model.name}.${name} cannot be made by a seed plan: ${reason}.`);
      continue;
    }
    if (typeof maker === "function") {
      makers[name] = maker as FieldMakers[string];
      continue;
    }
    if (!Array.isArray(maker) || maker.length === 0) {
      fail(
        145,
        `${path}.${name}: must be a list of values to pick from (not empty) or a function ({ faker, row, index }) => value.`,
      );
      continue;
    }
    const problems = maker.flatMap((value, index) => problemOf(model, field.name, value, index));
    for (const problem of problems) fail(146, `${path}.${name}${problem}`);
    if (problems.length === 0) makers[name] = maker;
  }
  return makers;
}

function problemOf(model: ModelMeta, name: string, value: unknown, index: number): string[] {
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!field) return [];
  try {
    makerValue(model, field, value);
    return [];
  } catch (error) {
    if (!isAtriumError(error)) throw error;
    return [`[${index}]: ${error.fields?.[name] ?? error.message} (got ${shown(value)}).`];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  return JSON.stringify(value) ?? String(value);
}
