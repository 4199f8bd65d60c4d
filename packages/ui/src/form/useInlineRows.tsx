import { type InlineRows, isApiError, permissionsOf, type Row, useMeta } from "@atrium/client";
import type { InlineMeta, ModelMeta } from "@atrium/core";
import { type ReactNode, useRef, useState } from "react";
import { conflictDiff, currentFormValues } from "./conflictDiff.js";
import type { FormMode } from "./formValues.js";
import { InlineEditor, type RowConflict } from "./InlineEditor.js";
import {
  type BodyRows,
  copiedInlineRows,
  type InlineRow,
  type InlineState,
  inlineModel,
  inlinesBody,
  loadedInlineRows,
  type PlacedInlineErrors,
  placeInlineErrors,
} from "./inlineRows.js";

interface Configured {
  inline: InlineMeta;
  child: ModelMeta;
}

/**
 * The inlines of a parent's form: their rows' state, the `$inlines` of each save, and the server's errors and
 * conflicts placed on the rows that caused them. Inlines of a child the user may not view are not shown.
 * `loaded` holds the record's rows on an edit form; on a create form, the rows of the record it duplicates,
 * which start as the copy's new rows.
 */
export function useInlineRows(
  model: ModelMeta,
  loaded: Record<string, InlineRows> | undefined,
  mode: FormMode,
) {
  const meta = useMeta();
  const models = meta.data?.models ?? [];
  const configured: Configured[] = (model.admin?.inlines ?? []).flatMap((inline) => {
    const child = inlineModel(inline, models);
    return child ? [{ inline, child }] : [];
  });
  const initialState = (from: Record<string, InlineRows> | undefined): InlineState =>
    Object.fromEntries(
      configured.map(({ inline, child }) => [
        inline.relation,
        (mode === "create" ? copiedInlineRows : loadedInlineRows)(child, from?.[inline.relation]?.rows ?? []),
      ]),
    );
  const [state, setStateNow] = useState<InlineState>(() => initialState(loaded));
  // Read by a save started from a callback (overwrite after a conflict) before React re-renders.
  const stateRef = useRef(state);
  const setState = (next: InlineState) => {
    stateRef.current = next;
    setStateNow(next);
  };
  const [errors, setErrors] = useState<PlacedInlineErrors>({ rows: {}, inlines: {}, rest: {} });
  const [conflicts, setConflicts] = useState<Record<string, RowConflict>>({});
  const order = useRef<BodyRows>({});

  return {
    /** Whether the model has inlines this user sees (the form then also sends `$inlines`). */
    any: configured.length > 0,
    /** `$inlines` for the body, or undefined when no row changed. */
    body(): Record<string, unknown[]> | undefined {
      setErrors({ rows: {}, inlines: {}, rest: {} });
      setConflicts({});
      const built = inlinesBody(
        configured.map(({ inline }) => inline),
        models,
        stateRef.current,
      );
      order.current = built.order;
      return built.body;
    },
    /** Places what concerns rows; resolves the rest of `fields`, or true when the error was a row's conflict. */
    failed(error: unknown, resubmit: () => void): Record<string, string> | true | undefined {
      if (!isApiError(error)) return undefined;
      const details = error.details as { inline?: string; row?: number; current?: Row } | undefined;
      if (error.code === "conflict" && details?.inline !== undefined && details.row !== undefined) {
        const key = order.current[details.inline]?.[details.row];
        const found = configured.find(({ inline }) => inline.relation === details.inline);
        const row = stateRef.current[details.inline]?.find((candidate) => candidate.key === key);
        const current = details.current;
        if (!key || !found || !row) return error.fields;
        if (!current) {
          setErrors((before) => ({ ...before, rows: { ...before.rows, [key]: { "": error.message } } }));
          return true;
        }
        const currentValues = currentFormValues(found.child, current, row.initial);
        const version = typeof current.$version === "string" ? current.$version : undefined;
        const replace = (change: (r: InlineRow) => InlineRow) =>
          setState({
            ...stateRef.current,
            [details.inline as string]: (stateRef.current[details.inline as string] ?? []).map((r) =>
              r.key === key ? change(r) : r,
            ),
          });
        setConflicts({
          [key]: {
            changes: conflictDiff(found.child, row.initial, currentValues, row.values),
            onReload: () => {
              replace((r) => ({
                ...r,
                values: currentValues,
                initial: currentValues,
                ...(version ? { $version: version } : {}),
              }));
              setConflicts({});
            },
            onOverwrite: () => {
              replace((r) => ({ ...r, ...(version ? { $version: version } : {}) }));
              setConflicts({});
              resubmit();
            },
          },
        });
        return true;
      }
      if (!error.fields) return undefined;
      const placed = placeInlineErrors(error.fields, order.current);
      setErrors(placed);
      return placed.rest;
    },
    /** After a save: the rows as stored now (a create form starts over, from the duplicated rows if any). */
    reset(from: Record<string, InlineRows> | undefined) {
      setState(initialState(from ?? (mode === "create" ? loaded : undefined)));
      setErrors({ rows: {}, inlines: {}, rest: {} });
      setConflicts({});
    },
    render(idPrefix: string, busy: boolean): ReactNode {
      return configured.map(({ inline, child }) => {
        const full = models.find((candidate) => candidate.key === child.key);
        const given = loaded?.[inline.relation]?.permissions;
        const allowed = permissionsOf(full);
        return (
          <InlineEditor
            key={inline.relation}
            inline={inline}
            child={child}
            rows={state[inline.relation] ?? []}
            onChange={(rows) => setState({ ...stateRef.current, [inline.relation]: rows })}
            errors={errors.rows}
            {...(errors.inlines[inline.relation] ? { error: errors.inlines[inline.relation] } : {})}
            conflicts={conflicts}
            permissions={given ?? { add: allowed.add, change: allowed.change, delete: allowed.delete }}
            idPrefix={idPrefix}
            busy={busy}
          />
        );
      });
    },
  };
}
