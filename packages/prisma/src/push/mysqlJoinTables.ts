/**
 * Prisma's implicit many-to-many tables on MySQL (`_RelationName`, columns `A` and `B`, A being the model whose
 * name sorts first): a unique index on (A, B), an index on B, and, unless relationMode = "prisma", a cascading
 * foreign key from each column to its model's id.
 */
import type { DmmfEnum, DmmfField, DmmfModel } from "../schema/readDatamodel.js";
import { columnType } from "./mysqlColumns.js";
import { joinTableNames, quote, tableName, tableOptions } from "./mysqlNames.js";
import type { MysqlStatement } from "./mysqlStatement.js";

interface JoinTable {
  relationName: string;
  a: DmmfModel;
  b: DmmfModel;
}

export function joinTableStatements(
  models: DmmfModel[],
  enums: Map<string, DmmfEnum>,
  withForeignKeys: boolean,
): { tables: MysqlStatement[]; foreignKeys: MysqlStatement[] } {
  const tables: MysqlStatement[] = [];
  const foreignKeys: MysqlStatement[] = [];
  for (const { relationName, a, b } of implicitJoinTables(models)) {
    const names = joinTableNames(relationName);
    const idA = singleId(a, names.table);
    const idB = singleId(b, names.table);
    const typeA = columnType(idA, enums);
    const typeB = columnType(idB, enums);
    tables.push({
      subject: `table ${quote(names.table)} (the implicit many-to-many relation ${relationName})`,
      sql:
        `CREATE TABLE ${quote(names.table)} (\n` +
        `    \`A\` ${typeA} NOT NULL,\n` +
        `    \`B\` ${typeB} NOT NULL,\n` +
        `    UNIQUE INDEX ${quote(names.unique)}(\`A\`, \`B\`),\n` +
        `    INDEX ${quote(names.index)}(\`B\`)\n` +
        `) ${tableOptions}`,
    });
    if (!withForeignKeys) continue;
    for (const [column, model, id, type, name] of [
      ["A", a, idA, typeA, names.foreignKeyA],
      ["B", b, idB, typeB, names.foreignKeyB],
    ] as const) {
      const referenced = id.dbName ?? id.name;
      foreignKeys.push({
        subject: `foreign key ${quote(name)}`,
        sql:
          `ALTER TABLE ${quote(names.table)} ADD CONSTRAINT ${quote(name)} FOREIGN KEY (\`${column}\`) ` +
          `REFERENCES ${quote(tableName(model))}(${quote(referenced)}) ON DELETE CASCADE ON UPDATE CASCADE`,
        foreignKey: {
          name,
          table: names.table,
          columns: [column],
          types: [type],
          referencedTable: tableName(model),
          referencedColumns: [referenced],
          referencedTypes: [type],
        },
      });
    }
  }
  return { tables, foreignKeys };
}

/** Many-to-many relations without a join model: both sides are lists. */
function implicitJoinTables(models: DmmfModel[]): JoinTable[] {
  const byName = new Map(models.map((model) => [model.name, model]));
  const found = new Map<string, JoinTable>();
  for (const model of models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.isList || !field.relationName) continue;
      const other = byName.get(field.type);
      const back = other?.fields.find(
        (item) =>
          item !== field &&
          item.kind === "object" &&
          item.relationName === field.relationName &&
          item.type === model.name,
      );
      // A self-relation's two list fields find each other; a one-sided self-list finds nothing and is no join.
      if (!other || !back?.isList || found.has(field.relationName)) continue;
      const [a, b] = model.name < other.name ? [model, other] : [other, model];
      found.set(field.relationName, { relationName: field.relationName, a, b });
    }
  }
  return [...found.values()];
}

function singleId(model: DmmfModel, joinTable: string): DmmfField {
  const names =
    model.primaryKey?.fields ?? model.fields.filter((field) => field.isId).map((field) => field.name);
  const ids = names.flatMap((name) => model.fields.filter((field) => field.name === name));
  const [id] = ids;
  if (ids.length !== 1 || !id) {
    throw new Error(
      `${joinTable}: an implicit many-to-many relation needs a single-field @id on ${model.name}`,
    );
  }
  return id;
}
