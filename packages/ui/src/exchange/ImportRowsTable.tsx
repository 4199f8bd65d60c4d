import type { ImportDryRun, ImportRowError } from "@atrium/client";
import type { ModelMeta } from "@atrium/core";
import { inSentence } from "@atrium/core";
import { plural } from "../format/formatCount.js";

/** Rows listed besides every row with a problem: enough to see what an import does without a huge table. */
const shownRows = 100;

/** A dry run's answer: its summary, then per row what it would do and each problem beside its field. */
export function ImportRowsTable({ model, dry }: { model: ModelMeta; dry: ImportDryRun }) {
  const { summary } = dry;
  const problems = new Map<number, ImportRowError[]>();
  for (const error of dry.errors) problems.set(error.row, [...(problems.get(error.row) ?? []), error]);
  const rows = dry.rows.filter((row, index) => index < shownRows || problems.has(row.row));
  const labelOf = (name: string | null) =>
    name === null
      ? "Row"
      : ([...model.fields, ...(model.writeOnlyFields ?? [])].find((f) => f.name === name)?.label ?? name);
  const noun = (count: number) => plural(count, inSentence(model.label), inSentence(model.labelPlural));
  return (
    <div className="import-section">
      <p role="status">
        {`${plural(summary.rows, "row", "rows")}: ${noun(summary.create)} to create, ${summary.update.toLocaleString("en")} to update`}
        {summary.invalid > 0
          ? `; ${plural(summary.invalid, "row has", "rows have")} problems to fix before importing`
          : summary.rows > 0
            ? "; no problems"
            : ""}
      </p>
      {dry.errorCount > dry.errors.length && (
        <p className="muted">
          The first {dry.errors.length.toLocaleString("en")} of {dry.errorCount.toLocaleString("en")} problems
          are listed.
        </p>
      )}
      {rows.length > 0 && (
        <table className="data-table">
          <caption className="muted">
            {rows.length < dry.rows.length
              ? `The first ${shownRows} rows and every row with a problem`
              : "Every row"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Would</th>
              <th scope="col">Problems</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row}>
                <td>{row.row}</td>
                <td>{row.action === "create" ? "create" : `update ${row.id ?? ""}`}</td>
                <td className={problems.has(row.row) ? "import-error-cell" : undefined}>
                  {(problems.get(row.row) ?? []).map((error) => (
                    <div key={`${error.field}:${error.message}`}>
                      {labelOf(error.field)}: {error.message}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
