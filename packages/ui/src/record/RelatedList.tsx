import { emptyListState, permissionsOf, toSearchParams, useRecordList } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { ArrowRight, Plus } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorState } from "../components/StateViews.js";
import { listColumns } from "../format/fieldKinds.js";
import { formatCount } from "../format/formatCount.js";
import { DataTable } from "../list/DataTable.js";
import { Pagination } from "../list/Pagination.js";

export interface RelatedListProps {
  /** The to-many relation field on the record's model. */
  field: FieldMeta;
  related: ModelMeta;
  models: ModelMeta[];
  recordId: string;
}

const noSelection = new Set<string>();

/** The records on the other side of a to-many relation, read through the list endpoint with a filter. */
export function RelatedList({ field, related, models, recordId }: RelatedListProps) {
  const backField = field.relation?.backField;
  const back = related.fields.find((candidate) => candidate.name === backField);
  // A to-one back field compares one id; a many-to-many one matches records linked to this one.
  const op = back?.relation?.toMany ? "in" : "eq";
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(10);
  const filters = backField ? [{ path: backField, op, value: recordId } as const] : [];
  const state = { ...emptyListState(), page, perPage, filters };
  const list = useRecordList(related.key, state, { enabled: Boolean(backField) });
  const columns = listColumns(related, 5).filter((column) => column.name !== backField);
  const viewAll = `/m/${related.key}?${toSearchParams({ ...emptyListState(), filters }).toString()}`;
  const headingId = `related-${field.name}`;
  return (
    <section className="card related-section section" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>
          {field.label}{" "}
          {list.data && (
            <span className="badge">{formatCount(list.data.total, list.data.totalIsEstimate)}</span>
          )}
        </h2>
        <div className="inline-row">
          {back && !back.relation?.toMany && !back.isReadOnly && permissionsOf(related).add && (
            // The new record starts linked to this one (see CreatePage's prefill).
            <Link
              to={`/m/${related.key}/new?${new URLSearchParams({ [back.name]: recordId }).toString()}`}
              className="button button-small button-ghost"
            >
              <Plus size={13} aria-hidden="true" />
              Add <span className="sr-only">{inSentence(related.label)}</span>
            </Link>
          )}
          {backField && (
            <Link to={viewAll} className="button button-small button-ghost">
              View all <span className="sr-only">{field.label}</span>
              <ArrowRight size={13} aria-hidden="true" />
            </Link>
          )}
        </div>
      </div>
      {!backField ? (
        <p className="card-body muted">
          This relation has no back field, so its records cannot be listed here.
        </p>
      ) : list.isError ? (
        <ErrorState
          error={list.error}
          title={`Could not load ${inSentence(field.label)}`}
          onRetry={() => list.refetch()}
        />
      ) : list.data?.data.length === 0 ? (
        <p className="card-body muted">None yet.</p>
      ) : (
        <>
          <DataTable
            model={related}
            models={models}
            columns={columns}
            rows={list.isPending ? undefined : list.data?.data}
            sort={[]}
            onSort={() => {}}
            selected={noSelection}
            onSelect={() => {}}
            loadingRows={3}
            selectable={false}
          />
          {list.data && (list.data.total ?? 0) > perPage && (
            <Pagination
              page={page}
              perPage={perPage}
              rowCount={list.data.data.length}
              total={list.data.total}
              totalIsEstimate={list.data.totalIsEstimate}
              onPage={setPage}
              onPerPage={(next) => {
                setPerPage(next);
                setPage(1);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
