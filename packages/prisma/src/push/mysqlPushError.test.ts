import { describe, expect, it } from "vitest";
import { mysqlPushError } from "./mysqlPushError.js";
import type { MysqlStatement } from "./mysqlStatement.js";

/** What the mariadb driver throws: errno and the server's own text. */
const serverError = (errno: number, sqlMessage: string) =>
  Object.assign(new Error(sqlMessage), { errno, sqlMessage });

const foreignKey: MysqlStatement = {
  subject: "foreign key `Invoice_accountId_fkey`",
  sql: "ALTER TABLE `Invoice` ADD CONSTRAINT `Invoice_accountId_fkey` FOREIGN KEY (`accountId`) REFERENCES `Account`(`id`) ON DELETE SET DEFAULT ON UPDATE CASCADE",
  foreignKey: {
    name: "Invoice_accountId_fkey",
    table: "Invoice",
    columns: ["accountId"],
    types: ["INTEGER"],
    referencedTable: "Account",
    referencedColumns: ["id"],
    referencedTypes: ["INTEGER"],
  },
};

describe("mysqlPushError", () => {
  it("blames SetDefault when MySQL refuses a foreign key that uses it", () => {
    const error = mysqlPushError(serverError(1215, "Cannot add foreign key constraint"), foreignKey, 3);
    expect(error.message).toBe(
      "MySQL refused the foreign key `Invoice_accountId_fkey`, whose onDelete or onUpdate is SetDefault: Cannot add foreign key constraint",
    );
    expect(error.hint).toMatch(
      /^MySQL's InnoDB does not support SetDefault .*use NoAction, Restrict, SetNull or Cascade\./,
    );
    // Three tables were made before it: MySQL cannot take them back.
    expect(error.hint).toMatch(/drop the database and create it again before the next push\.$/);
  });

  it("explains a long key and a text key without length in the schema's words", () => {
    const table: MysqlStatement = { subject: "table `Post`", sql: "CREATE TABLE `Post` (...)" };
    const tooLong = mysqlPushError(
      serverError(1071, "Specified key was too long; max key length is 3072 bytes"),
      table,
      0,
    );
    expect(tooLong.message).toBe(
      "MySQL refused table `Post`: Specified key was too long; max key length is 3072 bytes",
    );
    expect(tooLong.hint).toContain("@unique(length: 191)");
    expect(tooLong.hint).not.toContain("drop the database");
    const noLength = mysqlPushError(
      serverError(1170, "BLOB/TEXT column 'body' used in key specification without a key length"),
      table,
      0,
    );
    expect(noLength.hint).toContain("@@index([body(length: 191)])");
  });

  it("shows the refused statement when it has nothing better to say", () => {
    const table: MysqlStatement = { subject: "table `Post`", sql: "CREATE TABLE `Post` (`id` INTEGER)" };
    const error = mysqlPushError(serverError(1046, "No database selected"), table, 0);
    expect(error.message).toBe("MySQL refused table `Post`: No database selected");
    expect(error.hint).toBe(
      "Push creates a schema in an empty database; the statement MySQL refused was:\nCREATE TABLE `Post` (`id` INTEGER)",
    );
  });
});
