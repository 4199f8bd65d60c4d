import type { ModelMeta } from "@atrium/core";
import { listColumns } from "../format/fieldKinds.js";

/** A few columns of the previewed rows: the list's own columns when the rows have them, else their first fields. */
export function GeneratePreviewTable({ model, rows }: { model: ModelMeta; rows: Record<string, unknown>[] }) {
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  const listed = listColumns(model, 6)
    .map((field) => field.name)
    .filter((name) => present.has(name));
  const names = listed.length > 0 ? listed : [...present].slice(0, 6);
  const labelOf = (name: string) => model.fields.find((field) => field.name === name)?.label ?? name;
  return (
    <div className="table-scroll generate-preview">
      <table className="data-table">
        <caption className="muted">The first {rows.length} rows that would be written</caption>
        <thead>
          <tr>
            {names.map((name) => (
              <th key={name} scope="col">
                {labelOf(name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // Previewed rows have no ids yet; their order is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index}>
              {names.map((name) => (
                <td key={name}>{previewText(row[name])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A wire value as short text: long texts cut with an ellipsis, empty shown as a dash. */
export function previewText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
