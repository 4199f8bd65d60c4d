import { expect, test } from "./support/fixtures.js";
import { RecordDetailPage } from "./support/RecordDetailPage.js";
import { RecordFormPage } from "./support/RecordFormPage.js";
import { uniqueSuffix } from "./support/TestDataFactory.js";

/**
 * Write-only fields, through the demo's Staff.passwordHash (configured "writeOnly" by the demo): typed in the
 * create and edit forms, never shown again anywhere.
 */
test.describe("write-only fields", () => {
  test("a password hash typed in the form is saved, then never shown on the record, its edit form or its history", async ({
    page,
    factory,
  }) => {
    const form = new RecordFormPage(page, "staff");
    const detail = new RecordDetailPage(page, "staff");
    const firstHash = `scrypt$first$${uniqueSuffix()}`;
    const secondHash = `scrypt$second$${uniqueSuffix()}`;
    const hashes = [firstHash, secondHash];
    const expectNoHash = async (where: string) => {
      const everything = await form.everythingOnPage();
      for (const hash of hashes) expect(everything, `${where} shows a password hash`).not.toContain(hash);
    };

    await form.gotoCreate();
    await form.fill("email", `e2e.${uniqueSuffix()}@example.test`);
    await form.fill("name", `E2E Writer ${uniqueSuffix()}`);
    await form.fill("hiredOn", "2026-03-04T05:06:07.000Z");
    const hash = form.control("passwordHash");
    await expect(hash).toHaveAttribute("type", "password");
    await expect(hash).toHaveAttribute("autocomplete", "new-password");
    await expect(hash).toHaveAccessibleDescription(
      /scrypt hash of the staff member's password\..*never shown again/,
    );
    // Required on create: the form says so next to the field instead of sending a create that cannot succeed.
    await form.save();
    await form.expectFieldError("passwordHash", "This field is required.");
    await hash.fill(firstHash);
    // What is being typed can be checked before saving.
    await form.revealToggle("passwordHash").click();
    await expect(form.revealToggle("passwordHash")).toHaveAttribute("aria-pressed", "true");
    await expect(hash).toHaveAttribute("type", "text");
    await expect(hash).toHaveValue(firstHash);
    await form.save();

    const id = await detail.expectOnRecordPage();
    factory.track("staff", id);
    await expect(detail.fields.getByText("Password hash", { exact: true })).toHaveCount(0);
    await expectNoHash("the record page");

    // Editing: the input starts empty; a save without it keeps the hash, a typed one replaces it.
    await detail.edit();
    await expect(hash).toHaveValue("");
    await expect(hash).toHaveAttribute("type", "password");
    await expect(hash).toHaveAccessibleDescription(/Empty keeps the current value/);
    await expectNoHash("the edit form");
    await form.fill("name", `E2E Renamed ${uniqueSuffix()}`);
    await form.save();
    await expect(form.toast("Saved “")).toBeVisible();
    await detail.edit();
    await hash.fill(secondHash);
    await form.save();
    await expect(form.toast("Saved “")).toBeVisible();
    expect(await detail.expectOnRecordPage()).toBe(id);
    await expectNoHash("the record page after a new hash");

    await page.goto(`${detail.path(id)}/history`);
    await expect(page.locator(".history-entry")).toHaveCount(3);
    await expect(page.locator(".history-entry").getByText("Name", { exact: true })).toHaveCount(2);
    // The create and the new hash show that the hash was set, never what to.
    const hashRows = page.locator(".history-entry").getByRole("row", { name: /^Password hash/ });
    await expect(hashRows).toHaveCount(2);
    await expect(hashRows.first()).toHaveText(/from hidden.*to hidden/);
    await expect(hashRows.last()).toHaveText(/hidden/);
    await expectNoHash("the History tab");
  });
});
