import { expect, type Page, test } from "@playwright/test";
import { mountedPorts } from "./ports.js";
import { mountedAccount } from "./prepareMounted.js";

const hosts = [
  { name: "node:http with toNodeListener", port: mountedPorts.node },
  { name: "Hono with mountAtrium", port: mountedPorts.hono },
] as const;

/** Every URL the page asked for, so that a request leaving /admin (an API call, an asset) is caught. */
function recordRequests(page: Page): URL[] {
  const requested: URL[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("data:")) requested.push(new URL(request.url()));
  });
  return requested;
}

for (const host of hosts) {
  test(`the admin mounted under /admin of ${host.name}: sign-in, lists, a saved edit, deep links, its own cookie path`, async ({
    page,
    context,
  }) => {
    const origin = `http://127.0.0.1:${host.port}`;
    const requested = recordRequests(page);

    // Signed out, a deep link goes to the sign-in page, which comes back to it afterwards.
    await page.goto(`${origin}/admin/m/author`);
    await expect(page).toHaveURL(`${origin}/admin/login?next=%2Fm%2Fauthor`);
    await page.getByLabel("Email").fill(mountedAccount.email);
    await page.getByLabel("Password").fill(mountedAccount.password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).toHaveURL(`${origin}/admin/m/author`);
    await expect(page.getByRole("heading", { level: 1, name: "Authors" })).toBeVisible();
    const sidebar = page.getByRole("navigation", { name: "Models" });

    // The session cookie is the admin's alone: the browser sends it under /admin and nowhere else on the host.
    const [session] = await context.cookies(`${origin}/admin/`);
    expect(session?.name).toBe("atrium_session");
    expect(session?.path).toBe("/admin");
    expect(await context.cookies(`${origin}/`)).toEqual([]);

    // A list from the sidebar, a record from the list.
    await sidebar.getByRole("link", { name: "Books", exact: true }).click();
    await expect(page).toHaveURL(`${origin}/admin/m/book`);
    await page
      .getByRole("table", { name: "Books" })
      .getByRole("row")
      .nth(1)
      .getByRole("link")
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`^${origin}/admin/m/book/\\d+$`));
    const record = new URL(page.url()).pathname;
    const title = `Mounted under /admin (${host.name})`;

    // An edit saved through the mounted API.
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page).toHaveURL(`${origin}${record}/edit`);
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`${origin}${record}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

    // A deep link reloaded: the host hands the page back, the SPA finds its base path and the record.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await page.goto(`${origin}${record}/history`);
    await expect(page.getByText(title).first()).toBeVisible();

    // The project's page calls the project's route under /admin/api/x/.
    await sidebar.getByRole("link", { name: "Sales overview" }).click();
    await expect(page).toHaveURL(`${origin}/admin/pages/sales-overview`);
    await expect(page.getByTestId("pending-orders")).toHaveText(/orders are pending payment\./);

    // The host still owns its root.
    await page.goto(`${origin}/`);
    await expect(page.locator("body")).toHaveText("the shop");

    const outside = requested.filter(
      (url) => url.origin !== origin || (url.pathname !== "/" && !url.pathname.startsWith("/admin/")),
    );
    expect(outside.map(String)).toEqual([]);
    expect(requested.some((url) => url.pathname.startsWith("/admin/api/"))).toBe(true);
    expect(requested.some((url) => url.pathname.startsWith("/admin/assets/"))).toBe(true);
  });
}
