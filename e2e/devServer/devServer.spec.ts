import { expect, type Page, test } from "@playwright/test";
import { type DevServer, devAccount, prepareDevProject, projectFile, startDevServer } from "./devProject.js";

const port = Number(process.env.E2E_DEV_PORT ?? 4177);
let dev: DevServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  prepareDevProject();
  dev = await startDevServer(port);
});

test.afterAll(() => dev?.stop());

/** A value kept on the page's window: gone after a full reload, still there after a hot update. */
const marker = (page: Page) => page.evaluate(() => (window as { devMarker?: string }).devMarker ?? null);

test("atrium dev: a page component hot-reloads, config and route edits reload the admin, a broken config keeps the last good one", async ({
  page,
}) => {
  if (!dev) throw new Error("atrium dev did not start");
  const { url } = dev;
  const signIn = await page.request.post(`${url}/api/auth/login`, {
    data: devAccount,
    headers: { origin: url },
  });
  expect(signIn.status()).toBe(200);
  const sidebar = page.getByRole("navigation", { name: "Models" });

  await test.step("the project's page, edited while open, shows the new text without a reload", async () => {
    const sockets: string[] = [];
    page.on("websocket", (socket) => sockets.push(socket.url()));
    await page.goto(`${url}/pages/board`);
    await expect(page.getByTestId("board-text")).toHaveText("Version one of the board");
    await expect(page.getByTestId("note-count")).toHaveText("0 notes");
    await expect(page.getByTestId("motto")).toHaveText("Keep it short");
    await page.getByRole("button", { name: "Clicked 0" }).click();
    await page.evaluate(() => {
      (window as { devMarker?: string }).devMarker = "before the edit";
    });

    const component = "admin/NotesBoard.tsx";
    projectFile.save(component, projectFile.read(component).replace("Version one", "Version two"));
    await expect(page.getByTestId("board-text")).toHaveText("Version two of the board");
    // Hot-replaced in place: the component kept its state and the page was never reloaded.
    await expect(page.getByRole("button", { name: "Clicked 1" })).toBeVisible();
    expect(await marker(page)).toBe("before the edit");
    // Hot reload came over the dev server's own port, not a second one a proxy or another `atrium dev` would take.
    expect(sockets.map((socket) => new URL(socket).port)).toEqual([String(port)]);
  });

  const config = "atrium.config.ts";
  const firstConfig = projectFile.read(config);
  const secondConfig = firstConfig.replace(
    '{ key: "board", title: "Notes board", icon: "StickyNote", component: "./admin/NotesBoard.tsx" }',
    '{ key: "board", title: "Pinboard", icon: "StickyNote", component: "./admin/NotesBoard.tsx" },\n    { key: "archive", title: "Archive", icon: "Archive", component: "./admin/Archive.tsx" }',
  );
  expect(secondConfig).not.toBe(firstConfig);

  await test.step("a config edit reloads the server and the browser: the sidebar shows the new pages", async () => {
    await expect(sidebar.getByRole("link", { name: "Notes board" })).toBeVisible();
    const printed = dev?.output().length ?? 0;
    projectFile.save(config, secondConfig);
    await expect(sidebar.getByRole("link", { name: "Pinboard" })).toBeVisible();
    await expect(sidebar.getByRole("link", { name: "Notes board" })).toHaveCount(0);
    expect(await marker(page)).toBeNull();
    expect(dev?.output().slice(printed)).toContain("Config reloaded.");
    await sidebar.getByRole("link", { name: "Archive" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Archive" })).toBeVisible();
  });

  await test.step("an edit of the project's routes, which the config imports, reloads the API", async () => {
    const printed = dev?.output().length ?? 0;
    const routes = "admin/routes.ts";
    projectFile.save(routes, projectFile.read(routes).replace("Keep it short", "Keep it shorter"));
    await expect.poll(() => dev?.output().slice(printed)).toContain("Config reloaded.");
    await sidebar.getByRole("link", { name: "Pinboard" }).click();
    await expect(page.getByTestId("motto")).toHaveText("Keep it shorter");
  });

  await test.step("a broken config is refused with the reason, and the last good one keeps serving", async () => {
    const printed = dev?.output().length ?? 0;
    projectFile.save(
      config,
      secondConfig.replace(
        'databaseUrl: "file:./dev.db",',
        'databaseUrl: "file:./dev.db",\n  fields: { "Nte.title": "hidden" },',
      ),
    );
    await expect
      .poll(() => dev?.output().slice(printed), { timeout: 30_000 })
      .toMatch(/atrium: config not reloaded: .*unknown model 'Nte'.*did you mean 'Note'\?/s);
    await page.reload();
    await expect(sidebar.getByRole("link", { name: "Pinboard" })).toBeVisible();
    await expect(sidebar.getByRole("link", { name: "Archive" })).toBeVisible();
    await sidebar.getByRole("link", { name: "Pinboard" }).click();
    await expect(page.getByTestId("motto")).toHaveText("Keep it shorter");
    await sidebar.getByRole("link", { name: "Notes", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Notes" })).toBeVisible();
  });

  await test.step("the config fixed again is picked up", async () => {
    const printed = dev?.output().length ?? 0;
    projectFile.save(config, secondConfig.replace('title: "Pinboard"', 'title: "Corkboard"'));
    await expect(sidebar.getByRole("link", { name: "Corkboard" })).toBeVisible();
    expect(dev?.output().slice(printed)).toContain("Config reloaded.");
  });
});
