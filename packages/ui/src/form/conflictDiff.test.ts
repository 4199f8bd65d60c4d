import type { Row } from "@atrium/client";
import { model as buildModel, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { conflictDiff, currentFormValues, formValueText } from "./conflictDiff.js";
import { toFormValues } from "./formValues.js";

const model = buildModel("Customer", [
  scalar("id", "Int", { isId: true, isReadOnly: true }),
  scalar("name", "String"),
  scalar("email", "String"),
  scalar("vip", "Boolean"),
  scalar("updatedAt", "DateTime", { isReadOnly: true, isUpdatedAt: true }),
]);

const loadedRow: Row = {
  $id: "1",
  $label: "Ada",
  id: 1,
  name: "Ada",
  email: "ada@example.com",
  vip: false,
  updatedAt: "2026-01-01T10:00:00.000Z",
};

describe("conflictDiff", () => {
  const loaded = toFormValues(model, "edit", loadedRow);

  it("lists the fields the other person changed, with the user's value only where they edited it too", () => {
    const current = currentFormValues(
      model,
      {
        ...loadedRow,
        name: "Ada Lovelace",
        vip: true,
        updatedAt: "2026-01-02T10:00:00.000Z",
      },
      loaded,
    );
    const mine = { ...loaded, name: "Ada L." };
    const diff = conflictDiff(model, loaded, current, mine);
    expect(diff.map((change) => change.field.name)).toEqual(["name", "vip"]);
    expect(diff[0]).toMatchObject({ loaded: "Ada", theirs: "Ada Lovelace", mine: "Ada L." });
    expect(diff[1]).toMatchObject({ loaded: false, theirs: true });
    expect(diff[1]).not.toHaveProperty("mine");
  });

  it("reports nothing when only read-only fields moved (an @updatedAt bump)", () => {
    const current = currentFormValues(model, { ...loadedRow, updatedAt: "2026-02-01T00:00:00.000Z" }, loaded);
    expect(conflictDiff(model, loaded, current, loaded)).toEqual([]);
  });
});

describe("formValueText", () => {
  it("shows empty values as a dash and booleans as words", () => {
    expect(formValueText(scalar("email", "String"), "")).toBe("—");
    expect(formValueText(scalar("vip", "Boolean"), true)).toBe("Yes");
    expect(formValueText(scalar("owner", "Int"), { $id: "3", $label: "Grace" })).toBe("Grace");
  });
});
