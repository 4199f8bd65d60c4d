/** Why MySQL/MariaDB refused a statement of a push, in the schema's terms, with what to change. */
import { quote } from "./mysqlNames.js";
import type { MysqlStatement } from "./mysqlStatement.js";
import { driverMessage, PushError } from "./pushError.js";

/** Error numbers of a foreign key MySQL cannot build (errno 150 comes wrapped in 1005 on MariaDB). */
const foreignKeyRefused = new Set([150, 1005, 1215, 1822, 3780]);

export function mysqlPushError(error: unknown, statement: MysqlStatement, madeBefore: number): PushError {
  const number = errorNumber(error);
  const reason = driverMessage(error);
  const leftover =
    madeBefore > 0
      ? " MySQL cannot undo the tables made before the failure: drop the database and create it again before the next push."
      : "";
  const refused = (message: string, hint: string) =>
    new PushError("bad_request", message, `${hint}${leftover}`, { cause: error });

  if (statement.foreignKey && foreignKeyRefused.has(number)) {
    const key = statement.foreignKey;
    const sides = key.columns.map((column, index) => {
      const referenced = key.referencedColumns[index] ?? "";
      return `${quote(key.table)}.${quote(column)} ${key.types[index]} -> ${quote(key.referencedTable)}.${quote(referenced)} ${key.referencedTypes[index]}`;
    });
    if (statement.sql.includes("SET DEFAULT")) {
      return refused(
        `MySQL refused the foreign key ${quote(key.name)}, whose onDelete or onUpdate is SetDefault: ${reason}`,
        "MySQL's InnoDB does not support SetDefault (Prisma warns about it): use NoAction, Restrict, SetNull or Cascade.",
      );
    }
    return refused(
      `MySQL refused the foreign key ${quote(key.name)} (${sides.join(", ")}): ${reason}`,
      "Both sides of a relation need the same column type, length and sign (give the fields the same @db attribute, e.g. both @db.UnsignedInt), " +
        'and the referenced fields must be the @id or a @unique of their model. With relationMode = "prisma" in the datasource, the database gets no foreign keys at all.',
    );
  }
  switch (number) {
    case 1050:
      return refused(
        `The database is not empty: ${reason}`,
        "Push only creates a schema in an empty database: create a new database, or drop the tables of this one, then push again.",
      );
    case 1071:
      return refused(
        `MySQL refused ${statement.subject}: ${reason}`,
        "An index on long text is too long for MySQL: shorten the column (@db.VarChar(191)) or index a prefix, e.g. @unique(length: 191) or @@index([name(length: 191)]).",
      );
    case 1170:
      return refused(
        `MySQL refused ${statement.subject}: ${reason}`,
        "Text and blob columns are indexed by a prefix on MySQL: give the index a length, e.g. @unique(length: 191) or @@index([body(length: 191)]).",
      );
    case 1064:
    case 1067:
    case 1901:
      return refused(
        `MySQL refused ${statement.subject}: ${reason}`,
        "Check the SQL the schema passes through to MySQL for this table: @default(dbgenerated(...)), Unsupported(...) types and @db attributes.",
      );
    case 1044:
    case 1142:
      return refused(
        `MySQL refused ${statement.subject}: ${reason}`,
        "The user in --url may not create tables in this database: GRANT ALL ON `database`.* TO the user, or push as a user that may.",
      );
    default:
      return refused(
        `MySQL refused ${statement.subject}: ${reason}`,
        `Push creates a schema in an empty database; the statement MySQL refused was:\n${statement.sql}`,
      );
  }
}

function errorNumber(error: unknown): number {
  if (!error || typeof error !== "object" || !("errno" in error) || typeof error.errno !== "number") return 0;
  // MariaDB reports a malformed foreign key as 1005 "Can't create table ... (errno: 150 ...)".
  return error.errno === 1005 && /errno: 150/.test(driverMessage(error)) ? 150 : error.errno;
}
