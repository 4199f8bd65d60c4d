/** The audit part of the system store (atrium_audit_entry): appended, read by id, listed, caused counted. */
import { type AuditEntry, type AuthStore, sortableId } from "./auth.js";
import type { SqlRunner } from "./sqlRunner.js";
import { auditWhere, readAuditRow, writeAuditRow } from "./systemRows.js";

type AuditMethods = Pick<
  AuthStore,
  "appendAudit" | "appendAuditMany" | "getAudit" | "listAudit" | "countCausedAudit"
>;

/** Audit rows one appendAuditMany statement inserts (about 10 parameters each). */
const auditRowsPerInsert = 200;

export function auditMethods(sql: SqlRunner): AuditMethods {
  return {
    async appendAudit(input) {
      const entry: AuditEntry = { ...input, causeId: input.causeId ?? null, id: sortableId(input.at) };
      const row = writeAuditRow(entry);
      const columns = Object.keys(row);
      await sql.execute(
        `INSERT INTO atrium_audit_entry (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
        ...Object.values(row),
      );
      return readAuditRow(row);
    },
    async appendAuditMany(inputs) {
      const rows = inputs.map((input) =>
        writeAuditRow({ ...input, causeId: input.causeId ?? null, id: sortableId(input.at) }),
      );
      const columns = rows[0] ? Object.keys(rows[0]) : [];
      const marks = `(${columns.map(() => "?").join(", ")})`;
      // A few hundred rows per INSERT: well under every database's limit on bound parameters (SQLite's 32,766).
      for (let start = 0; start < rows.length; start += auditRowsPerInsert) {
        const slice = rows.slice(start, start + auditRowsPerInsert);
        await sql.execute(
          `INSERT INTO atrium_audit_entry (${columns.join(", ")}) VALUES ${slice.map(() => marks).join(", ")}`,
          ...slice.flatMap((row) => columns.map((column) => row[column as keyof typeof row])),
        );
      }
    },
    async getAudit(id) {
      const rows = await sql.query("SELECT * FROM atrium_audit_entry WHERE id = ?", id);
      return rows[0] ? readAuditRow(rows[0]) : null;
    },
    async listAudit(filter = {}) {
      const { where, values } = auditWhere(filter);
      const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? 50)), 1000);
      const rows = await sql.query(
        `SELECT * FROM atrium_audit_entry${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`,
        ...values,
        limit,
      );
      return rows.map(readAuditRow);
    },
    async countCausedAudit(causeIds, models) {
      const counts = new Map<string, number>();
      if (causeIds.length === 0 || models?.length === 0) return counts;
      const marks = (values: readonly unknown[]) => values.map(() => "?").join(", ");
      const byModel = models ? ` AND model IN (${marks(models)})` : "";
      const rows = await sql.query(
        `SELECT cause_id, COUNT(*) AS caused FROM atrium_audit_entry WHERE cause_id IN (${marks(causeIds)})${byModel} GROUP BY cause_id`,
        ...causeIds,
        ...(models ?? []),
      );
      for (const row of rows) counts.set(String(row.cause_id), Number(row.caused));
      return counts;
    },
  };
}
