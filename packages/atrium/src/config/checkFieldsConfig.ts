/**
 * Start-up checks of the `fields` config key against the schema, in the style of Django's system checks: each
 * problem has a stable code (documented in docs/checks.md) and a hint. Errors (`E`) stop the server,
 * because a typo in a hiding rule would otherwise silently show the field it meant to hide; warnings (`W`) are
 * printed and the server starts.
 */
import {
  configLineToSet,
  type FieldAccess,
  type FieldVisibilityConfig,
  hiddenFields,
  isIdentityField,
  type Principal,
  withLinkedFields,
  writeOnlyFields,
  writeOnlyProblem,
} from "@atrium/auth";
import type { SchemaMeta } from "@atrium/core";
import { closestMatch } from "@atrium/core";
import type { ConfigCheck } from "./configCheck.js";
import { linkedFieldWarnings } from "./linkedFieldWarnings.js";

export interface FieldsConfigResult {
  /** Every error found, in the order of the config's keys; empty when the config is usable. */
  checks: ConfigCheck[];
  /** What works but is probably not meant (`atrium.W…`), in schema order; printed, never fatal. */
  warnings: ConfigCheck[];
  /** The rules keyed by model key, as the auth options take them (`AuthOptions.fields`). */
  visibility: FieldVisibilityConfig;
}

/** Checks `fields` (`"Model.field"` or `"model-key.field"` -> access) and converts it for the server. */
export function checkFieldsConfig(fields: unknown, schema: SchemaMeta): FieldsConfigResult {
  const checks: ConfigCheck[] = [];
  const models: Record<string, Record<string, FieldAccess>> = {};
  if (fields === undefined) return { checks, warnings: warningsOf(schema, {}), visibility: {} };
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
    checks.push({
      code: "atrium.E003",
      message: `'fields' must be an object such as { "Customer.apiToken": "hidden" }.`,
    });
    return { checks, warnings: [], visibility: {} };
  }
  const seenBy = new Map<string, string>();
  for (const [key, access] of Object.entries(fields)) {
    const dot = key.indexOf(".");
    if (dot <= 0 || dot === key.length - 1 || key.indexOf(".", dot + 1) !== -1) {
      checks.push({
        code: "atrium.E003",
        message: `fields key '${key}' must be 'Model.field' (e.g. 'Customer.apiToken').`,
      });
      continue;
    }
    const modelName = key.slice(0, dot);
    const fieldName = key.slice(dot + 1);
    const model = schema.models.find(
      (candidate) => candidate.name === modelName || candidate.key === modelName,
    );
    if (!model) {
      const hint = closestMatch(
        modelName,
        schema.models.map((candidate) => candidate.name),
      );
      checks.push({
        code: "atrium.E001",
        message: `unknown model '${modelName}' in fields${hint ? `; did you mean '${hint}'?` : "."}`,
      });
      continue;
    }
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    if (!field) {
      const hint = closestMatch(
        fieldName,
        model.fields.map((candidate) => candidate.name),
      );
      checks.push({
        code: "atrium.E002",
        message: `unknown field '${fieldName}' on model '${model.name}' in fields${hint ? `; did you mean '${hint}'?` : "."}`,
      });
      continue;
    }
    const problem = accessProblem(access);
    if (problem) {
      checks.push({ code: "atrium.E004", message: `fields['${key}'] ${problem}` });
      continue;
    }
    const checked = access as FieldAccess;
    if (isIdentityField(model, field.name) && checked !== "visible") {
      checks.push({
        code: "atrium.E005",
        message: `fields['${key}'] cannot hide '${field.name}': it identifies ${model.name} records and is part of their URLs.`,
      });
      continue;
    }
    const notWritable = checked === "writeOnly" ? writeOnlyProblem(model, field) : undefined;
    if (notWritable) {
      checks.push({
        code: "atrium.E007",
        message: `fields['${key}'] cannot be "writeOnly": ${notWritable}. Only text (String) fields that forms write can be write-only.`,
      });
      continue;
    }
    const identity = `${model.key}.${field.name}`;
    const earlier = seenBy.get(identity);
    if (earlier !== undefined) {
      checks.push({
        code: "atrium.E006",
        message: `fields['${key}'] configures the same field as fields['${earlier}']; keep one of them.`,
      });
      continue;
    }
    seenBy.set(identity, key);
    models[model.key] = { ...models[model.key], [field.name]: checked };
  }
  const visibility = { models };
  return { checks, warnings: warningsOf(schema, visibility), visibility };
}

// Superusers see the most: a field hidden from them is hidden from everyone.
const superuser: Principal = {
  userId: "",
  email: "",
  isSuperuser: true,
  isActive: true,
  roles: [],
  permissions: new Set(),
};

function warningsOf(schema: SchemaMeta, visibility: FieldVisibilityConfig): ConfigCheck[] {
  return [...uncreatableModels(schema, visibility), ...linkedFieldWarnings(schema, visibility)];
}

/**
 * atrium.W001: a required field without a default that nobody can see or set (secret-named, or configured
 * "hidden") makes its model impossible to create in the admin; the server answers such creates with 422. The
 * advice is the config line that fixes it, and only one the check accepts (E007 refuses "writeOnly" on non-text).
 */
function uncreatableModels(schema: SchemaMeta, visibility: FieldVisibilityConfig): ConfigCheck[] {
  const warnings: ConfigCheck[] = [];
  // A hidden relation hides its key too (atrium.W002): a required key nobody can set blocks creates as well.
  const hiddenByModel = withLinkedFields(
    schema,
    new Map(schema.models.map((model) => [model.key, hiddenFields(model, superuser, visibility)])),
  );
  for (const model of schema.models) {
    const hidden = hiddenByModel.get(model.key) ?? new Set<string>();
    const settable = writeOnlyFields(model, visibility);
    for (const field of model.fields) {
      if (!hidden.has(field.name) || settable.has(field.name) || field.kind === "relation") continue;
      if (!field.isRequired || field.hasDefault || field.isReadOnly || field.isUpdatedAt || field.isList)
        continue;
      const problem = writeOnlyProblem(model, field);
      const how = problem
        ? `to let users set it (it cannot be "writeOnly": ${problem})`
        : `to let users set it without seeing it (or "visible" to show it)`;
      warnings.push({
        code: "atrium.W001",
        message: `${model.name}.${field.name} is required, has no default and is hidden from everyone, so ${model.name} records cannot be created in the admin; add ${configLineToSet(model, field)} to fields ${how}.`,
      });
    }
  }
  return warnings;
}

/** Why `access` is not a FieldAccess, or undefined when it is one. */
function accessProblem(access: unknown): string | undefined {
  const expected = `must be "hidden", "visible", "writeOnly", { visibleTo: ["role"] } or { hiddenFrom: ["role"]}`;
  if (access === "hidden" || access === "visible" || access === "writeOnly") return undefined;
  if (typeof access !== "object" || access === null || Array.isArray(access)) {
    return `${expected}, got ${JSON.stringify(access) ?? String(access)}.`;
  }
  const keys = Object.keys(access);
  const key = keys[0];
  if (keys.length !== 1 || (key !== "visibleTo" && key !== "hiddenFrom")) {
    return `${expected}, got an object with ${keys.length === 0 ? "no keys" : `keys ${keys.join(", ")}`}.`;
  }
  const roles = (access as Record<string, unknown>)[key];
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === "string" && role !== "")) {
    return `.${key} must be a list of role names, e.g. { ${key}: ["support"] }.`;
  }
  return undefined;
}
