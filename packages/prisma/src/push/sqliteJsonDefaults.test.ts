import { describe, expect, it } from "vitest";
import { quoteSqliteJsonDefaults } from "./sqliteJsonDefaults.js";

describe("quoteSqliteJsonDefaults", () => {
  it("turns a Json field's string default into a quoted database default, keeping the rest of the line", () => {
    const schema = [
      "model Model3D {",
      '  settings Json  @default("{}")',
      '  layers   Json? @default("[]") @map("layer_list") // comment',
      '  nested   Json  @default("{\\"a\\": \\"it\'s\\"}")',
      '  title    String @default("{}")',
      "}",
    ].join("\n");
    expect(quoteSqliteJsonDefaults(schema).split("\n")).toEqual([
      "model Model3D {",
      `  settings Json  @default(dbgenerated("'{}'"))`,
      `  layers   Json? @default(dbgenerated("'[]'")) @map("layer_list") // comment`,
      `  nested   Json  @default(dbgenerated("'{\\"a\\": \\"it''s\\"}'"))`,
      '  title    String @default("{}")',
      "}",
    ]);
  });

  it("leaves everything outside models alone", () => {
    const schema = 'datasource db {\n  provider = "sqlite"\n}\n// x Json @default("{}")\n';
    expect(quoteSqliteJsonDefaults(schema)).toBe(schema);
  });
});
