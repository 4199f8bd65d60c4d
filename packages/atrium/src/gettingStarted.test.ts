import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// Follows docs/getting-started.md word for word: a user's own schema, one config file, push, serve.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const folder = mkdtempSync(join(tmpdir(), "atrium-getting-started-"));
let server: ChildProcess | undefined;

const userSchema = `generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "sqlite"
}

/// A note someone keeps.
model Note {
  id        Int      @id @default(autoincrement())
  title     String
  body      String?
  createdAt DateTime @default(now())
}
`;

function atrium(...args: string[]) {
  return atriumWithInput("", ...args);
}

function atriumWithInput(input: string, ...args: string[]) {
  return spawnSync("npm", ["run", "--silent", "atrium", "--", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    input,
  });
}

afterAll(() => {
  // npm runs tsx, which runs node: the signal goes to the whole group, or the server outlives the test run.
  if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
});

describe("docs/getting-started.md", () => {
  it("pushes a user's schema offline, serves it from a config file, and the API works", async () => {
    writeFileSync(join(folder, "schema.prisma"), userSchema);
    writeFileSync(
      join(folder, "atrium.config.json"),
      JSON.stringify({ schema: "./schema.prisma", databaseUrl: "file:./dev.db", port: 0 }),
    );

    const push = atrium(
      "push",
      "--schema",
      join(folder, "schema.prisma"),
      "--url",
      `file:${join(folder, "dev.db")}`,
    );
    expect(push.stderr).toBe("");
    expect(push.status).toBe(0);

    const config = join(folder, "atrium.config.json");
    const weak = atriumWithInput(
      "short",
      "create-user",
      "--email",
      "me@example.com",
      "--superuser",
      "--config",
      config,
    );
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain("at least 12 characters");
    const user = atriumWithInput(
      "a-long-password",
      "create-user",
      "--email",
      "me@example.com",
      "--superuser",
      "--config",
      config,
    );
    expect(user.stderr).toBe("");
    expect(user.stdout).toContain("Created superuser me@example.com");

    server = spawn(
      "npm",
      ["run", "--silent", "atrium", "--", "serve", "--config", join(folder, "atrium.config.json")],
      // Its own process group, so that afterAll stops npm and the server it starts together.
      { cwd: repoRoot, detached: true },
    );
    const url = await new Promise<string>((resolveUrl, reject) => {
      let output = "";
      server?.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolveUrl(match[1]);
      });
      server?.stderr?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      server?.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });

    // `serve` serves the admin itself (built on first use from a clone), and none of the demo's pages.
    const page = await fetch(url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    const entry = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
    expect(entry).toMatch(/^\/assets\/index-.+\.js$/);
    const script = await fetch(`${url}${entry}`);
    expect(script.status).toBe(200);
    expect(await script.text()).not.toContain("Sales overview");

    expect((await fetch(`${url}/api/meta`)).status).toBe(401);
    const signedIn = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({ email: "me@example.com", password: "a-long-password" }),
    });
    expect(signedIn.status).toBe(200);
    const headers = { cookie: (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "", origin: url };
    const meta = (await (await fetch(`${url}/api/meta`, { headers })).json()) as {
      models: { key: string; help?: string }[];
    };
    expect(meta.models.map((model) => model.key)).toEqual(["note"]);
    expect(meta.models[0]?.help).toBe("A note someone keeps.");

    const created = await fetch(`${url}/api/records/note`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ title: "First" }),
    });
    expect(created.status).toBe(201);
    const list = (await (await fetch(`${url}/api/records/note`, { headers })).json()) as {
      data: { title: string }[];
      total: number;
    };
    expect(list.total).toBe(1);
    expect(list.data[0]?.title).toBe("First");
  }, 120_000);
});
