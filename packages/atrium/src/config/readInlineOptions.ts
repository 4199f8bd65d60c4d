/**
 * Start-up checks of `models.<Parent>.inlines` (codes atrium.E120–E127, W120; docs/checks.md): each inline names
 * a to-many relation whose child holds the foreign key, and fields and ordering of that child.
 */
import { closestMatch, type ModelMeta, type SchemaMeta } from "@atrium/core";
import { type ConfigCheck, didYouMean } from "./configCheck.js";
import { defaultInlineMax, type InlineOptions, inlineStyles } from "./inlineOptions.js";

const inlineKeys = ["relation", "fields", "ordering", "style", "min", "max", "label"];

type Raw = Record<string, unknown>;

/** An inline after the checks, with its defaults filled in. */
export interface InlineRead extends Required<Omit<InlineOptions, "label">> {
  label?: string;
  /** The child model's Prisma name. */
  model: string;
  /** The child's fields holding the parent's key (set by the server, never by the client). */
  foreignKey: string[];
}

export interface InlinesRead {
  checks: ConfigCheck[];
  warnings: ConfigCheck[];
  inlines: InlineRead[];
}

/** `path` is `models.<Parent>`; `options` that parent's raw options. */
export function readInlineOptions(
  schema: SchemaMeta,
  parent: ModelMeta,
  path: string,
  options: Raw,
): InlinesRead {
  const read: InlinesRead = { checks: [], warnings: [], inlines: [] };
  const list = options.inlines;
  if (list === undefined) return read;
  if (!Array.isArray(list)) {
    read.checks.push(check("E120", `${path}.inlines`, `expected a list of inlines, got ${shown(list)}.`));
    return read;
  }
  const relations = new Set<string>();
  list.forEach((raw, index) => {
    const inline = readInline(read, schema, parent, `${path}.inlines[${index}]`, raw, relations);
    if (inline) read.inlines.push(inline);
  });
  return read;
}

function readInline(
  read: InlinesRead,
  schema: SchemaMeta,
  parent: ModelMeta,
  where: string,
  raw: unknown,
  relations: Set<string>,
): InlineRead | undefined {
  if (!isObject(raw)) {
    read.checks.push(check("E120", where, `expected an inline { relation: "items" }, got ${shown(raw)}.`));
    return undefined;
  }
  const before = read.checks.length;
  for (const key of Object.keys(raw)) {
    if (inlineKeys.includes(key)) continue;
    const hint = closestMatch(key, inlineKeys);
    read.checks.push(
      check(
        "E121",
        `${where}.${key}`,
        `unknown option '${key}'${didYouMean(hint)}${hint ? "" : ` Options here: ${inlineKeys.join(", ")}.`}`,
      ),
    );
  }
  const child = childOf(read, schema, parent, `${where}.relation`, raw.relation, relations);
  const foreignKey = child ? foreignKeyOf(child, parent, raw.relation as string) : [];
  const fields = child ? fieldList(read, child, `${where}.fields`, raw.fields, foreignKey, false) : [];
  const ordering = child ? fieldList(read, child, `${where}.ordering`, raw.ordering, [], true) : [];
  const style = raw.style ?? "table";
  if (!inlineStyles.includes(style as InlineOptions["style"] & string)) {
    const hint = typeof style === "string" ? closestMatch(style, [...inlineStyles]) : undefined;
    read.checks.push(
      check(
        "E125",
        `${where}.style`,
        `${shown(style)} is not an inline style${didYouMean(hint)}${hint ? "" : ` Use "table" or "stacked".`}`,
      ),
    );
  }
  const min = count(read, `${where}.min`, raw.min, 0);
  const max = count(read, `${where}.max`, raw.max, defaultInlineMax);
  if (min !== undefined && max !== undefined && (max < 1 || min > max)) {
    read.checks.push(
      check("E126", `${where}.max`, `expected at least 1 and at least min (${min}), got ${max}.`),
    );
  }
  if (raw.label !== undefined && (typeof raw.label !== "string" || raw.label.trim() === "")) {
    read.checks.push(check("E127", `${where}.label`, `expected a non-empty text, got ${shown(raw.label)}.`));
  }
  if (read.checks.length > before || !child || min === undefined || max === undefined) return undefined;
  if (child.admin?.hidden) {
    read.warnings.push(
      check(
        "W120",
        `${where}.relation`,
        `${child.name} is hidden, so the inline shows only to those who may see hidden models; is that meant?`,
      ),
    );
  }
  const inline: InlineRead = {
    relation: raw.relation as string,
    model: child.name,
    foreignKey,
    fields: fields.length > 0 ? fields : defaultFields(child, foreignKey),
    ordering:
      ordering.length > 0 ? ordering : child.fields.filter((field) => field.isId).map((field) => field.name),
    style: style as InlineRead["style"],
    min,
    max,
  };
  if (typeof raw.label === "string") inline.label = raw.label;
  return inline;
}

/** The child model of a to-many relation holding the foreign key; E122 with the nearest relation otherwise. */
function childOf(
  read: InlinesRead,
  schema: SchemaMeta,
  parent: ModelMeta,
  where: string,
  relation: unknown,
  relations: Set<string>,
): ModelMeta | undefined {
  const candidates = parent.fields.filter(
    (field) => field.kind === "relation" && field.relation?.toMany && !field.relation.isManyToMany,
  );
  const field = candidates.find((candidate) => candidate.name === relation);
  if (!field?.relation) {
    const names = candidates.map((candidate) => candidate.name);
    const hint = typeof relation === "string" ? closestMatch(relation, names) : undefined;
    const others =
      names.length > 0 ? ` Its 1-n relations: ${names.join(", ")}.` : ` ${parent.name} has no 1-n relation.`;
    read.checks.push(
      check(
        "E122",
        where,
        `${shown(relation)} is not a 1-n relation of ${parent.name}${didYouMean(hint)}${hint ? "" : others}`,
      ),
    );
    return undefined;
  }
  if (relations.has(field.name)) {
    read.checks.push(
      check("E123", where, `'${field.name}' has another inline of ${parent.name}; one inline per relation.`),
    );
    return undefined;
  }
  relations.add(field.name);
  return schema.models.find((model) => model.name === field.relation?.model);
}

function foreignKeyOf(child: ModelMeta, parent: ModelMeta, relation: string): string[] {
  const back = parent.fields.find((field) => field.name === relation)?.relation?.backField;
  return child.fields.find((field) => field.name === back)?.relation?.fromFields ?? [];
}

/** Names of the child's fields in `raw`; E124 for what is not one (or is the foreign key, which the server sets). */
function fieldList(
  read: InlinesRead,
  child: ModelMeta,
  where: string,
  raw: unknown,
  foreignKey: string[],
  descending: boolean,
): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length === 0) {
    read.checks.push(
      check("E120", where, `expected a non-empty list of field names of ${child.name}, got ${shown(raw)}.`),
    );
    return [];
  }
  const names = child.fields.map((field) => field.name);
  const back = child.fields.filter(
    (field) => foreignKey.length > 0 && field.relation?.fromFields.join() === foreignKey.join(),
  );
  return raw.flatMap((entry, index): string[] => {
    const name = typeof entry === "string" && descending ? entry.replace(/^-/, "") : entry;
    const at = `${where}[${index}]`;
    if (typeof name !== "string" || !names.includes(name)) {
      const hint = typeof name === "string" ? closestMatch(name, names) : undefined;
      read.checks.push(
        check("E124", at, `${shown(entry)} is not a field of ${child.name}${didYouMean(hint)}`),
      );
      return [];
    }
    if (!descending && (foreignKey.includes(name) || back.some((field) => field.name === name))) {
      read.checks.push(
        check("E124", at, `'${name}' links each row to its parent; the server sets it, so leave it out.`),
      );
      return [];
    }
    return [entry as string];
  });
}

function defaultFields(child: ModelMeta, foreignKey: string[]): string[] {
  return child.fields
    .filter((field) => !foreignKey.includes(field.name) && !field.isId)
    .filter(
      (field) =>
        !(
          field.kind === "relation" &&
          (field.relation?.toMany || field.relation?.fromFields.join() === foreignKey.join())
        ),
    )
    .filter((field) => !child.fields.some((other) => other.relation?.fromFields.includes(field.name)))
    .map((field) => field.name);
}

function count(read: InlinesRead, where: string, value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  read.checks.push(check("E126", where, `expected a whole number of rows, 0 or more, got ${shown(value)}.`));
  return undefined;
}

function check(code: string, path: string, problem: string): ConfigCheck {
  return { code: `atrium.${code}` as ConfigCheck["code"], message: `${path}: ${problem}` };
}

function isObject(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
