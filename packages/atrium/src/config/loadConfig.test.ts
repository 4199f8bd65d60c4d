import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, resolveConfig } from "./loadConfig.js";

function folderWithSchema(): string {
  const folder = mkdtempSync(join(tmpdir(), "atrium-config-"));
  writeFileSync(join(folder, "schema.prisma"), 'datasource db { provider = "sqlite" }\n');
  return folder;
}

describe("resolveConfig", () => {
  it("resolves the schema and a relative SQLite file against the config's folder", () => {
    const folder = folderWithSchema();
    const config = resolveConfig({ schema: "schema.prisma", databaseUrl: "file:./dev.db" }, folder, {});
    expect(config.schemaPath).toBe(join(folder, "schema.prisma"));
    expect(config.databaseUrl).toBe(`file:${join(folder, "dev.db")}`);
    expect(config.port).toBe(4000);
    expect(config.host).toBe("127.0.0.1");
    expect(config.statementTimeoutMs).toBe(5000);
    expect(config.unindexedSortLimit).toBe(100_000);
    expect(config.maxExactCount).toBe(100_000);
    expect(config.countBudgetMs).toBe(1000);
    expect(config.searchMode).toBe("auto");
  });

  it("takes the URL and port from the environment when the file leaves them out", () => {
    const folder = folderWithSchema();
    const config = resolveConfig({ schema: "schema.prisma" }, folder, {
      DATABASE_URL: "postgresql://root@127.0.0.1/app",
      PORT: "5050",
    });
    expect(config.databaseUrl).toBe("postgresql://root@127.0.0.1/app");
    expect(config.port).toBe(5050);
  });

  it("keeps the fields rules for startServer, which checks them against the schema", () => {
    const folder = folderWithSchema();
    const fields = { "Customer.phone": "hidden" as const };
    const config = resolveConfig({ schema: "schema.prisma", databaseUrl: "file:x", fields }, folder, {});
    expect(config.fields).toEqual(fields);
  });

  it("names the problem when the config is wrong", () => {
    const folder = folderWithSchema();
    expect(() => resolveConfig({ schema: "missing.prisma", databaseUrl: "file:x" }, folder, {})).toThrow(
      /missing file/,
    );
    expect(() => resolveConfig({ schema: "schema.prisma" }, folder, {})).toThrow(/databaseUrl/);
    expect(() =>
      resolveConfig({ schema: "schema.prisma", databaseUrl: "file:x", prot: 1 }, folder, {}),
    ).toThrow(/Unknown config key 'prot'/);
    expect(() =>
      resolveConfig({ schema: "schema.prisma", databaseUrl: "file:x", port: 99999 }, folder, {}),
    ).toThrow(/port/);
    expect(() =>
      resolveConfig({ schema: "schema.prisma", databaseUrl: "file:x", statementTimeoutMs: -1 }, folder, {}),
    ).toThrow("'statementTimeoutMs' must be a whole number of milliseconds, 0 for no limit, got -1.");
    const unlimited = resolveConfig(
      { schema: "schema.prisma", databaseUrl: "file:x", statementTimeoutMs: 0 },
      folder,
      {},
    );
    expect(unlimited.statementTimeoutMs).toBe(0);
    expect(() =>
      resolveConfig({ schema: "schema.prisma", databaseUrl: "file:x", unindexedSortLimit: 1.5 }, folder, {}),
    ).toThrow("'unindexedSortLimit' must be a whole number of rows, 0 for no limit, got 1.5.");
    expect(() =>
      resolveConfig({ schema: "schema.prisma", databaseUrl: "file:x", maxExactCount: 0 }, folder, {}),
    ).toThrow("'maxExactCount' must be a whole number of rows, at least 1, got 0.");
    expect(() =>
      resolveConfig({ schema: "schema.prisma", databaseUrl: "file:x", countBudgetMs: "1s" }, folder, {}),
    ).toThrow("'countBudgetMs' must be a whole number of milliseconds, 0 for no limit, got 1s.");
    expect(
      resolveConfig(
        { schema: "schema.prisma", databaseUrl: "file:x", search: { mode: "prefix" } },
        folder,
        {},
      ).searchMode,
    ).toBe("prefix");
    expect(() =>
      resolveConfig(
        { schema: "schema.prisma", databaseUrl: "file:x", search: { mode: "start" } },
        folder,
        {},
      ),
    ).toThrow(`'search' must be { mode: "contains" | "prefix" | "auto" }, got {"mode":"start"}.`);
  });
});

describe("loadConfig", () => {
  it("reads a JSON config file", async () => {
    const folder = folderWithSchema();
    writeFileSync(
      join(folder, "atrium.config.json"),
      JSON.stringify({ schema: "schema.prisma", databaseUrl: "file:a.db" }),
    );
    const config = await loadConfig(join(folder, "atrium.config.json"), {});
    expect(config.databaseUrl).toBe(`file:${join(folder, "a.db")}`);
  });
});

describe("loadConfig of a config that imports the project's files", () => {
  it("lists the config and the project files it imports, for `atrium dev` to watch", async () => {
    const folder = folderWithSchema();
    mkdirSync(join(folder, "admin"));
    writeFileSync(join(folder, "admin/port.ts"), "export const port: number = 4100;\n");
    writeFileSync(
      join(folder, "atrium.config.ts"),
      'import { port } from "./admin/port.js";\nexport default { schema: "schema.prisma", databaseUrl: "file:a.db", port };\n',
    );
    const config = await loadConfig(join(folder, "atrium.config.ts"), {});
    expect(config.port).toBe(4100);
    expect(config.configFiles).toEqual([join(folder, "atrium.config.ts"), join(folder, "admin/port.ts")]);
  });

  it("reads a JavaScript config and its imports again when fresh, as they are now", async () => {
    const folder = folderWithSchema();
    const config = join(folder, "atrium.config.mjs");
    const port = join(folder, "port.mjs");
    writeFileSync(
      config,
      'import { port } from "./port.mjs";\nexport default { schema: "schema.prisma", databaseUrl: "file:a.db", port };\n',
    );
    writeFileSync(port, "export const port = 4100;\n");
    expect((await loadConfig(config, {}, { fresh: true })).port).toBe(4100);
    writeFileSync(port, "export const port = 4200;\n");
    const again = await loadConfig(config, {}, { fresh: true });
    expect(again.port).toBe(4200);
    expect(again.configFiles).toEqual([config, port]);
  });
});
