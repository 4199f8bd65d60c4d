import { readFile } from "node:fs/promises";
import { expect, test } from "./support/fixtures.js";

// Export and import on the books list: the filtered list downloaded as CSV, edited, and imported back. A bad row is
// named with its field in the dry run, and neither the dialog nor the server writes anything until it is fixed.

test("exports a filtered list and imports it back; a bad row is named and the import refused until fixed", async ({
  page,
  api,
  factory,
  request,
}) => {
  const stamp = `EXC${Date.now().toString(36)}`;
  const books = [];
  for (const [index, inPrint] of [true, true, false].entries()) {
    books.push(
      await factory.create("book", { title: `${stamp} book ${index + 1}`, inPrint, pageCount: 100 }),
    );
  }
  await page.goto(`/m/book?q=${stamp}&filter.inPrint.eq=true&sort=title`);
  await expect(page.getByRole("cell", { name: `${stamp} book 2`, exact: true })).toBeVisible();

  await page.getByText("Export", { exact: true }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export the list as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^book-\d{4}-\d\d-\d\d\.csv$/);
  const exported = await readFile((await download.path()) ?? "", "utf8");
  const [header = "", ...lines] = exported.trimEnd().split("\r\n");
  // The filter held: the book out of print is not in the file, and the sort is the list's.
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain(`${stamp} book 1`);
  expect(lines[1]).toContain(`${stamp} book 2`);
  const columns = header.split(",");
  const pageCount = columns.indexOf("pageCount");
  const title = columns.indexOf("title");
  expect(pageCount).toBeGreaterThan(0);

  const edit = (line: string, values: Record<number, string>) =>
    line
      .split(",")
      .map((cell, index) => values[index] ?? cell)
      .join(",");
  const fixed = [
    header,
    edit(lines[0] ?? "", { [title]: `${stamp} renamed 1` }),
    edit(lines[1] ?? "", { [pageCount]: "321" }),
  ];
  const broken = [fixed[0], fixed[1], edit(lines[1] ?? "", { [pageCount]: "many" })];

  await page.getByRole("button", { name: "Import…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import books" });
  await dialog.getByLabel("File").setInputFiles({
    name: "books.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(broken.join("\r\n")),
  });
  await expect(dialog.getByText("2 rows: 0 books to create, 2 to update; 1 row has problems")).toBeVisible();
  const badRow = dialog.getByRole("row").filter({ hasText: /^2/ });
  await expect(badRow.getByText(/Page count: Expected a whole number/)).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Import 2 rows" })).toBeDisabled();
  // The server refuses the same file whole, whoever sends it.
  const refused = await request.post("/api/import/book?format=csv", { data: broken.join("\r\n") });
  expect(refused.status()).toBe(422);
  expect((await api.get("book", books[1]?.$id ?? "")).pageCount).toBe(100);

  await dialog.getByLabel("File").setInputFiles({
    name: "books.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(fixed.join("\r\n")),
  });
  await expect(dialog.getByText("2 rows: 0 books to create, 2 to update; no problems")).toBeVisible();
  await dialog.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByText("Imported books: 0 created, 2 updated")).toBeVisible();
  await expect(page.getByRole("cell", { name: `${stamp} renamed 1`, exact: true })).toBeVisible();
  expect((await api.get("book", books[1]?.$id ?? "")).pageCount).toBe(321);
});
