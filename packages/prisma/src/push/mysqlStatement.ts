/** One DDL statement of a MySQL push, with what it creates so that a refusal can be explained. */
export interface MysqlStatement {
  sql: string;
  /** What the statement creates, as a message names it: "table `Post`", "foreign key `Post_authorId_fkey`". */
  subject: string;
  /** Both sides of a foreign key with their column types: MySQL refuses keys whose types differ. */
  foreignKey?: {
    name: string;
    table: string;
    columns: string[];
    types: string[];
    referencedTable: string;
    referencedColumns: string[];
    referencedTypes: string[];
  };
}
