/**
 * A parent written with the rows of its inlines (`$inlines`): the parent, then each inline's removals, changes
 * and additions, in ONE transaction. Each write is the data source's own (its version check, its audit entry),
 * so a save of an order and three items is four history entries, and a stale or refused row rolls back all.
 * The children's entries name the parent's as their cause: the history shows the save as one change of the
 * parent with the rows saved with it, and reverting the parent's entry undoes the whole save (revertEntry.ts).
 */
import {
  AtriumError,
  type AuditSink,
  type DataSource,
  type IdValues,
  idValuesOf,
  inSentence,
  type ModelMeta,
  type StoredRow,
  type WriteContext,
  type WriteData,
} from "@atrium/core";
import type { RequestAccess } from "../auth/requestAccess.js";
import { type ChildWrite, type InlineWrites, label } from "./readInlineRows.js";

export interface ParentWrite {
  target: ModelMeta;
  data: WriteData;
  context: WriteContext;
  /** Absent for a create. */
  id?: IdValues;
  expectedVersion?: string;
}

/** Resolves the parent as stored after the children's writes (their counts included). */
export async function saveWithInlines(
  dataSource: DataSource,
  access: RequestAccess,
  parent: ParentWrite,
  inlines: InlineWrites[],
): Promise<StoredRow> {
  const { target, data } = parent;
  const saved = savedTogether(parent.context.audit);
  return dataSource.transaction(async (source) => {
    const parentContext = { ...parent.context, ...(saved ? { audit: saved.parent } : {}) };
    const context = { ...parent.context, ...(saved ? { audit: saved.children } : {}) };
    const written = parent.id
      ? await source.update(target, parent.id, data, {
          ...parentContext,
          ...(parent.expectedVersion ? { expectedVersion: parent.expectedVersion } : {}),
        })
      : await source.create(target, data, parentContext);
    const parentId = idValuesOf(target, written);
    for (const { inline, child, writes } of inlines) {
      const back = child.fields.find((field) => field.name === inline.backField)?.relation;
      const toFields = back?.toFields ?? [];
      // The parent's key as the child holds it: what every row is linked by, and what a changed row must have.
      const link = Object.fromEntries(inline.foreignKey.map((name, i) => [name, written[toFields[i] ?? ""]]));
      const failed = (write: ChildWrite) => (error: unknown) =>
        Promise.reject(
          rowError(access.redactError(child, error), inline.relation, write, label(inline, child)),
        );
      // Removals first: a row removed and one added with the same unique values do not collide.
      const ordered = [...writes].sort((a, b) => rank[a.kind] - rank[b.kind]);
      for (const write of ordered) {
        const at = `$inlines.${inline.relation}.${write.row}`;
        if (write.kind !== "create") {
          const row = await source.get(child, write.id);
          if (!row) {
            throw rowError(
              new AtriumError(
                "conflict",
                `This ${inSentence(child.label)} no longer exists; reload the page`,
              ),
              inline.relation,
              write,
              label(inline, child),
            );
          }
          if (!sameLink(row, link)) {
            const message = `Not one of the ${label(inline, child)} of this ${inSentence(target.label)}`;
            throw new AtriumError("validation_failed", message, { fields: { [`${at}.$id`]: message } });
          }
        }
        const context_ = {
          ...context,
          ...(write.kind !== "create" && write.version ? { expectedVersion: write.version } : {}),
        };
        if (write.kind === "delete") {
          await source.delete(child, write.id, context_).catch(failed(write));
        } else if (write.kind === "update") {
          await source.update(child, write.id, write.data, context_).catch(failed(write));
        } else {
          const linked = { ...write.data, scalars: { ...write.data.scalars, ...link } };
          await source.create(child, linked, context_).catch(failed(write));
        }
      }
    }
    const after = await source.get(target, parentId);
    if (!after) throw new AtriumError("not_found", `The ${inSentence(target.label)} was deleted meanwhile`);
    requireRowCounts(after, inlines, target);
    return after;
  });
}

const rank: Record<ChildWrite["kind"], number> = { delete: 0, update: 1, create: 2 };

/**
 * Two views of the request's sink: the parent's write records through the first, which keeps its entry's id;
 * the children's through the second, which names that entry as their cause. What a child's delete takes with
 * it keeps its own cause, that delete.
 */
function savedTogether(base: AuditSink | undefined): { parent: AuditSink; children: AuditSink } | undefined {
  if (!base) return undefined;
  let parentEntry: string | undefined;
  return {
    parent: {
      async record(tx, record) {
        parentEntry = await base.record(tx, record);
        return parentEntry;
      },
    },
    children: {
      record: (tx, record) =>
        base.record(tx, record.causeId || !parentEntry ? record : { ...record, causeId: parentEntry }),
    },
  };
}

function sameLink(row: StoredRow, link: Record<string, unknown>): boolean {
  return Object.entries(link).every(([name, value]) => String(row[name]) === String(value));
}

/** min and max of each inline sent, counted after the writes (the stored rows the body did not name included). */
function requireRowCounts(after: StoredRow, inlines: InlineWrites[], target: ModelMeta): void {
  for (const { inline, child } of inlines) {
    const count = Number(after[inline.relation] ?? 0);
    const what = label(inline, child);
    const message =
      count < inline.min
        ? `A ${inSentence(target.label)} needs at least ${inline.min} ${what}; it would have ${count}`
        : count > inline.max
          ? `A ${inSentence(target.label)} may have at most ${inline.max} ${what}; it would have ${count}`
          : undefined;
    if (message) {
      throw new AtriumError("validation_failed", message, {
        fields: { [`$inlines.${inline.relation}`]: message },
      });
    }
  }
}

/**
 * A child write's error as the parent's: its field keys under the row (`$inlines.items.2.quantity`), and its
 * details naming the inline, the row and its `$id`, so the form shows it on that row (a conflict's `current` too).
 */
function rowError(error: unknown, relation: string, write: ChildWrite, what: string): unknown {
  if (!(error instanceof AtriumError)) return error;
  const at = `$inlines.${relation}.${write.row}`;
  const fields = Object.fromEntries(
    Object.entries(error.fields ?? { "": error.message }).map(([field, message]) => [
      field === "" ? at : `${at}.${field}`,
      message,
    ]),
  );
  const details = {
    ...(typeof error.details === "object" && error.details !== null ? error.details : {}),
    inline: relation,
    row: write.row,
    ...(write.kind !== "create" ? { $id: write.idText } : {}),
  };
  return new AtriumError(error.code, `${capitalised(what)}, row ${write.row + 1}: ${error.message}`, {
    fields,
    details,
    ...(error.reason ? { reason: error.reason } : {}),
    cause: error,
  });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
