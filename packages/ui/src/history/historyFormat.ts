import type { HistoryAction, HistoryEntry } from "@atrium/client";
import { type FieldMeta, inSentence, type ModelMeta, recordLabel } from "@atrium/core";

const actionLabels: Record<HistoryAction, string> = {
  create: "Created",
  update: "Changed",
  delete: "Deleted",
  bulk_delete: "Deleted (bulk)",
  revert: "Reverted",
  login: "Signed in",
  login_failed: "Failed sign-in",
  logout: "Signed out",
  action: "Action",
};

/** Actions the global history can be filtered by, with their labels, in the order a person thinks of them. */
export const historyActions = Object.entries(actionLabels) as [HistoryAction, string][];

export function actionLabel(action: HistoryAction): string {
  return actionLabels[action] ?? action;
}

/** Tone of the action's badge: additions read green, removals red, everything else neutral. */
export function actionTone(action: HistoryAction): "success" | "danger" | "accent" | "neutral" {
  if (action === "create") return "success";
  if (action === "delete" || action === "bulk_delete" || action === "login_failed") return "danger";
  if (action === "update" || action === "revert") return "accent";
  return "neutral";
}

/**
 * Record changes can be undone; sign-in events and reverts themselves cannot (the server refuses them too), nor
 * can a record deleted with another on its own: reverting that other delete brings it back.
 */
export function isRevertable(entry: HistoryEntry): boolean {
  if (entry.causeId !== null && isDeleteAction(entry.action)) return false;
  return (
    entry.model !== null &&
    entry.recordId !== null &&
    (entry.action === "create" || entry.action === "update" || isDeleteAction(entry.action))
  );
}

function isDeleteAction(action: HistoryAction): boolean {
  return action === "delete" || action === "bulk_delete";
}

/** How an entry followed from `cause`, leading into the cause's record name ("Deleted together with"). */
export function causeText(entry: HistoryEntry, cause: HistoryEntry): string {
  if (isDeleteAction(cause.action)) {
    return entry.action === "update" ? "Reference cleared by deleting" : "Deleted together with";
  }
  if (cause.action === "revert") return "Restored together with";
  // A generated or imported batch (its first record's entry), or a parent created with its inline rows.
  if (cause.action === "create") return "Created together with";
  // A parent's form saved its inline rows in the same transaction (one save, one change of the parent).
  if (cause.action === "update") return "Saved together with";
  return "Followed from a change of";
}

/** The toggle of what an entry caused: "Also deleted or changed 6 other records". */
export function causedText(entry: HistoryEntry): string {
  const records = entry.caused === 1 ? "1 other record" : `${entry.caused} other records`;
  if (entry.action === "revert") return `Also restored ${records}`;
  if (entry.action === "create") return `Created with ${records}`;
  if (entry.action === "update") return `Saved with ${records}`;
  return `Also deleted or changed ${records}`;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/** "3 minutes ago", "yesterday": how long ago `iso` was, relative to `now`. */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  let amount = (at.getTime() - now.getTime()) / 1000;
  if (Math.abs(amount) < 10) return "just now";
  for (const [unit, size] of steps) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return relative.format(Math.round(amount), "year");
}

/** One changed field of an entry; `field` is undefined for a field the schema no longer has. */
export interface EntryChange {
  name: string;
  label: string;
  field?: FieldMeta;
  old: unknown;
  new: unknown;
}

/**
 * The entry's changes in schema order (the order of the detail view), fields unknown to the schema last.
 * Creates show only the new values and deletes only the old ones: the other side is always empty.
 */
export function entryChanges(entry: HistoryEntry, model: ModelMeta | undefined): EntryChange[] {
  // An action's details are not fields: its parameters are what there is to show.
  if (entry.action === "action") {
    const params = (entry.changes.$params?.new ?? {}) as Record<string, unknown>;
    return Object.entries(params).map(([name, value]) => ({ name, label: name, old: null, new: value }));
  }
  const names = Object.keys(entry.changes);
  // Write-only fields show that they changed (never a value), after the fields the detail view shows.
  const fields = model ? [...model.fields, ...(model.writeOnlyFields ?? [])] : [];
  const known = fields.filter((field) => names.includes(field.name));
  const rest = names.filter((name) => !known.some((field) => field.name === name));
  return [
    ...known.map((field) => ({
      name: field.name,
      label: field.label,
      field,
      ...valuesOf(entry, field.name),
    })),
    ...rest.map((name) => ({ name, label: name, ...valuesOf(entry, name) })),
  ];
}

function valuesOf(entry: HistoryEntry, name: string): { old: unknown; new: unknown } {
  const change = entry.changes[name];
  return { old: change?.old ?? null, new: change?.new ?? null };
}

/** A long JSON value cut to `max` characters for the list; the full text is one click away. */
export function truncatedJson(value: unknown, max = 80): { text: string; truncated: boolean } {
  const text = JSON.stringify(value) ?? "null";
  return text.length > max ? { text: `${text.slice(0, max)}…`, truncated: true } : { text, truncated: false };
}

/**
 * How an entry names its record. Creates and deletes carry a snapshot of the values, so the record's title
 * can be rebuilt even after the record is gone; other entries fall back to "Model #id".
 */
export function entryRecordName(entry: HistoryEntry, model: ModelMeta | undefined): string {
  if (entry.action === "action") return actionSummary(entry, model);
  // Sign-in events are about a person, not a record.
  if (entry.recordId === null) return entry.actor.email;
  const id = entry.recordId;
  if (!model) return entry.model ? `${entry.model} #${id}` : id;
  const snapshot: Record<string, unknown> = {};
  for (const [name, change] of Object.entries(entry.changes)) snapshot[name] = change.new ?? change.old;
  const hasSnapshot =
    entry.action === "create" || entry.action === "delete" || entry.action === "bulk_delete";
  // A label made of related records' labels (`OrderItem`: order · book) cannot be rebuilt from a snapshot,
  // which holds only their keys; its first key alone ("25001") would name the order, not the item.
  const labelOfRelations = model.titleParts?.some(
    (part) => model.fields.find((field) => field.name === part)?.kind === "relation",
  );
  if (hasSnapshot && !labelOfRelations) {
    let label = "";
    try {
      label = recordLabel(model, snapshot);
    } catch {
      // A snapshot of values that no longer fit the schema: fall back to the id.
    }
    if (label && !label.startsWith(`${model.label} `)) return label;
  }
  return `${model.label} #${id}`;
}

/**
 * Records whose latest entry on screen (entries are newest first) deleted them: their history stays readable
 * but a link to them would only lead to "not found".
 */
export function deletedRecords(entries: HistoryEntry[]): Set<string> {
  const latest = new Map<string, HistoryAction>();
  for (const entry of entries) {
    if (entry.model === null || entry.recordId === null) continue;
    const key = `${entry.model}/${entry.recordId}`;
    if (!latest.has(key)) latest.set(key, entry.action);
  }
  return new Set(
    [...latest].filter(([, action]) => action === "delete" || action === "bulk_delete").map(([key]) => key),
  );
}

/** "Mark as shipped on 3 orders": which action ran on how many records. */
export function actionSummary(entry: HistoryEntry, model: ModelMeta | undefined): string {
  const label = String(entry.changes.$label?.new ?? entry.changes.$action?.new ?? "Action");
  const count = Number(entry.changes.$count?.new ?? 0);
  const records = model
    ? inSentence(count === 1 ? model.label : model.labelPlural)
    : count === 1
      ? "record"
      : "records";
  return `${label} on ${count} ${records}`;
}
