import { mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { schemaPath, schemasDir } from "../../test/schemaPaths.js";
import { pushSchema } from "../push/pushSchema.js";
import { generateClient } from "./generateClient.js";

const recordNetwork = fileURLToPath(new URL("../../test/recordNetwork.cjs", import.meta.url));

/** The slice of the generated client this test uses; the generated types are not part of the type check. */
interface SaasClient {
  organization: {
    create(args: unknown): Promise<{ id: string; name: string }>;
    findMany(
      args: unknown,
    ): Promise<{ name: string; memberships: { role: string; user: { email: string } }[] }[]>;
  };
  $disconnect(): Promise<void>;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("generateClient", () => {
  it("generates a client offline that runs queries on a pushed SQLite database", async () => {
    const dir = await mkdtemp(join(tmpdir(), "atrium-generate-"));
    const networkLog = join(dir, "network.log");
    await rm(join(schemasDir, "generated", "saas"), { recursive: true, force: true });
    await generateClient(schemaPath("saas"), {
      env: { NODE_OPTIONS: `--require ${recordNetwork}`, ATRIUM_NETWORK_LOG: networkLog },
    });
    const attempts = await readFile(networkLog, "utf8").catch(() => "");
    expect(attempts).toBe("");

    const url = `file:${join(dir, "saas.db")}`;
    await pushSchema({ schemaText: await readFile(schemaPath("saas"), "utf8"), url });

    const connect = vi.spyOn(net.Socket.prototype, "connect");
    const clientUrl = pathToFileURL(join(schemasDir, "generated", "saas", "client.ts")).href;
    const { PrismaClient } = (await import(clientUrl)) as {
      PrismaClient: new (options: { adapter: PrismaBetterSqlite3 }) => SaasClient;
    };
    const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
    try {
      const org = await prisma.organization.create({
        data: {
          name: "Acme",
          slug: "acme",
          memberships: { create: { role: "OWNER", user: { create: { email: "ada@acme.test" } } } },
        },
      });
      expect(org.id).toMatch(/^[0-9a-f-]{36}$/);
      const orgs = await prisma.organization.findMany({
        include: { memberships: { include: { user: true } } },
      });
      expect(orgs).toHaveLength(1);
      expect(orgs[0]).toMatchObject({
        name: "Acme",
        memberships: [{ role: "OWNER", user: { email: "ada@acme.test" } }],
      });
    } finally {
      await prisma.$disconnect();
    }
    expect(connect).not.toHaveBeenCalled();
  });

  it("reports the CLI's message when the schema is invalid", async () => {
    const dir = await mkdtemp(join(tmpdir(), "atrium-generate-"));
    const broken = join(dir, "broken.prisma");
    await import("node:fs/promises").then((fs) =>
      fs.writeFile(
        broken,
        'datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Int @id\n  b Nope\n}\n',
      ),
    );
    await expect(generateClient(broken)).rejects.toThrow(/prisma generate failed[\s\S]*Nope/);
  });
});
