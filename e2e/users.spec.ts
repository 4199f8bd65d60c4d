import { expect, test } from "@playwright/test";

/**
 * Users and roles managed in the admin itself: a superuser makes a "Book editors" role and a member of it, and
 * that member sees and may do exactly what the role grants; granting a custom page (and renaming the role)
 * shows that page to the member.
 */
test("a superuser creates a role and a user; the user can edit books and nothing else", async ({
  page,
  browser,
}, testInfo) => {
  const email = `editor-${Date.now()}@demo.atrium`;
  const password = "books are for editing";

  await page.goto("/");
  const sidebar = page.getByRole("navigation", { name: "Models" });
  // Atrium's own accounts are named apart from a schema's `User` model, listed under Models as "Users".
  await sidebar.getByRole("link", { name: "Admin roles", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Admin roles", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Add role" }).click();
  // The trail leads back to the roles, and names the page in the browser's tab.
  const trail = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(trail.getByRole("listitem")).toHaveText(["Overview", "Admin roles", "New role"]);
  await expect(page).toHaveTitle("New role · Atrium");
  await page.getByLabel("Name").fill("Book editors");
  await page.getByRole("checkbox", { name: "Change books" }).check();
  // Change implies view, as on the server.
  await expect(page.getByRole("checkbox", { name: "View books" })).toBeChecked();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/roles$/);
  await expect(page.getByRole("link", { name: "Book editors" })).toBeVisible();

  await sidebar.getByRole("link", { name: "Admin users", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Admin users", level: 1 })).toBeVisible();
  await expect(page.getByText(/^\d+ (account signs|accounts sign) in to this admin$/)).toBeVisible();
  await page.getByRole("link", { name: "Add user" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("checkbox", { name: "Book editors" }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("link", { name: email })).toBeVisible();

  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  try {
    const editor = await context.newPage();
    await editor.goto("/login");
    await editor.getByLabel("Email").fill(email);
    await editor.getByLabel("Password").fill(password);
    await editor.getByRole("button", { name: "Sign in" }).click();
    await expect(editor.getByText(email)).toBeVisible();

    const nav = editor.getByRole("navigation", { name: "Models" });
    await expect(nav.getByRole("link", { name: "Books" })).toBeVisible();
    // Model links only: custom pages and the overview are not models.
    await expect(nav.locator('a[href^="/m/"]')).toHaveText(["Books"]);
    await expect(editor.getByRole("heading", { name: "Administration" })).toHaveCount(0);

    await nav.getByRole("link", { name: "Books" }).click();
    await expect(editor.getByRole("heading", { name: "Books" })).toBeVisible();
    await expect(editor.getByRole("link", { name: /^Add book/ })).toHaveCount(0);
    await expect(editor.getByRole("checkbox", { name: /select/i })).toHaveCount(0);
    await editor
      .getByRole("table", { name: "Books" })
      .getByRole("row")
      .nth(1)
      .getByRole("link")
      .first()
      .click();
    await expect(editor.getByRole("link", { name: "Edit" })).toBeVisible();
    await expect(editor.getByRole("button", { name: "Delete" })).toHaveCount(0);
    // Authors are a model the editor cannot see: the book's author shows as its id, saying why, with no link.
    const authorRow = editor.getByRole("definition").filter({ hasText: "(not visible to you)" }).first();
    await expect(authorRow).toBeVisible();
    await expect(authorRow.getByRole("link")).toHaveCount(0);

    const bookPath = new URL(editor.url()).pathname.replace(/^\/m\//, "/api/records/");
    const before = (await (await page.request.get(bookPath)).json()).data;
    await editor.getByRole("link", { name: "Edit" }).click();
    const subtitle = editor.getByLabel("Subtitle", { exact: true });
    const newSubtitle = `Edited by a book editor ${Date.now()}`;
    await subtitle.fill(newSubtitle);
    await editor.getByRole("button", { name: "Save", exact: true }).click();
    await expect(editor.getByText(/^Saved “/)).toBeVisible();
    await expect(editor.getByText(newSubtitle)).toBeVisible();
    // Tags are a model the editor cannot see: saving the book must leave its links alone.
    const after = (await (await page.request.get(bookPath)).json()).data;
    expect({ tags: after.tags, author: after.author, subtitle: after.subtitle }).toEqual({
      tags: before.tags,
      author: before.author,
      subtitle: newSubtitle,
    });

    await editor.goto("/m/customer");
    await expect(editor.getByRole("heading", { name: "No access" })).toBeVisible();
    await expect(editor.getByText(/You do not have permission to view “customer”/)).toBeVisible();

    // Custom pages need page:<key>:view, which the role does not grant yet.
    await expect(nav.getByRole("link", { name: "Sales overview" })).toHaveCount(0);
    await editor.goto("/pages/sales-overview");
    await expect(editor.getByRole("heading", { name: "No access" })).toBeVisible();
    await expect(editor.getByText(/You do not have permission to view “Sales overview”/)).toBeVisible();

    await sidebar.getByRole("link", { name: "Admin roles", exact: true }).click();
    await page.getByRole("link", { name: "Book editors" }).click();
    await page.getByRole("checkbox", { name: "View page Sales overview" }).check();
    // Renaming keeps the role (and its members): the editor is still in it below.
    await page.getByLabel("Name").fill("Book and sales editors");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/roles$/);
    await expect(page.getByRole("link", { name: "Book and sales editors" })).toBeVisible();

    await editor.reload();
    await nav.getByRole("link", { name: "Sales overview" }).click();
    await expect(editor.getByRole("heading", { name: "Sales overview" })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("a superuser deletes a user and a role after confirming, and both leave their lists", async ({
  page,
}) => {
  const stamp = Date.now();
  const roleName = `Short-lived ${stamp}`;
  const email = `short-lived-${stamp}@demo.atrium`;
  const created = await page.request.post("/api/admin/roles", { data: { name: roleName, permissions: [] } });
  expect(created.ok()).toBe(true);
  const role = await created.json();
  const user = await page.request.post("/api/admin/users", {
    data: { email, password: "short lived password", roles: [role.id] },
  });
  expect(user.ok()).toBe(true);

  await page.goto("/admin/users");
  await page.getByRole("link", { name: email }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  const userDialog = page.getByRole("dialog", { name: `Delete “${email}”?` });
  await expect(userDialog).toContainText("can no longer sign in");
  await userDialog.getByRole("button", { name: "Delete user" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByText(`Deleted “${email}”`)).toBeVisible();
  await expect(page.getByRole("link", { name: email })).toHaveCount(0);

  await page.goto("/admin/roles");
  await page.getByRole("link", { name: roleName }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  const roleDialog = page.getByRole("dialog", { name: `Delete “${roleName}”?` });
  await roleDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(roleDialog).toBeHidden();
  await page.getByRole("button", { name: "Delete" }).click();
  await roleDialog.getByRole("button", { name: "Delete role" }).click();
  await expect(page).toHaveURL(/\/admin\/roles$/);
  await expect(page.getByText(`Deleted “${roleName}”`)).toBeVisible();
  await expect(page.getByRole("link", { name: roleName })).toHaveCount(0);
});
