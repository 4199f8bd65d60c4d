import type { FieldMeta, ModelMeta, WireRow } from "@atrium/core";

/**
 * The built-in "Export selection": the selected rows of the page as CSV or JSON, with the list's columns (what
 * the user already sees; the server sent nothing else), downloaded by the browser without another request.
 */
export function exportSelection(
  model: ModelMeta,
  columns: FieldMeta[],
  rows: WireRow[],
  format: "csv" | "json",
): { fileName: string; type: string; text: string } {
  const cell = (row: WireRow, field: FieldMeta): unknown => {
    const value = row[field.name];
    // A to-one relation travels as { $id, $label }: its label is what the list shows.
    if (value && typeof value === "object" && "$label" in value) return (value as { $label: unknown }).$label;
    return value ?? null;
  };
  const records = rows.map((row) => ({
    $id: row.$id,
    ...Object.fromEntries(columns.map((field) => [field.name, cell(row, field)])),
  }));
  const fileName = `${model.key}-selection.${format}`;
  if (format === "json")
    return { fileName, type: "application/json", text: JSON.stringify(records, null, 2) };
  const quote = (value: unknown) => {
    const text = value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const header = ["$id", ...columns.map((field) => field.label)].map(quote).join(",");
  const lines = records.map((record) => Object.values(record).map(quote).join(","));
  return { fileName, type: "text/csv", text: [header, ...lines].join("\r\n") };
}

/** Hands a file to the browser's download. */
export function download(file: { fileName: string; type: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.click();
  URL.revokeObjectURL(url);
}
