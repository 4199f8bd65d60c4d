import { type Row, useAdmin } from "@atrium/client";
import type { FieldMeta, ModelMeta } from "@atrium/core";
import { CellValue } from "./CellValue.js";
import { widgetKeyFor } from "./widgetKey.js";

export interface RecordCellProps {
  model: ModelMeta;
  field: FieldMeta;
  record: Row;
  /** Every model the user may view, for relation links. */
  models: ModelMeta[];
  /** Record page (full value) rather than a list row. @default false */
  full?: boolean;
}

/**
 * One field of one record: the registry's cell widget for that field (or its type) when one is registered,
 * else the default `CellValue`.
 */
export function RecordCell({ model, field, record, models, full = false }: RecordCellProps) {
  const { registry } = useAdmin();
  const Widget = registry.cellWidget(model, field, widgetKeyFor(field));
  if (Widget) {
    return <Widget field={field} model={model} value={record[field.name]} record={record} full={full} />;
  }
  return <CellValue field={field} value={record[field.name]} models={models} full={full} />;
}
