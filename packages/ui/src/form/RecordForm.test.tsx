// @vitest-environment jsdom
import { createRegistry, type FieldWidgetProps } from "@atrium/client";
import { model, scalar } from "@atrium/core/testing";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiDouble, renderAdmin } from "../testing/renderAdmin.js";
import { RecordForm } from "./RecordForm.js";

const book = model(
  "Book",
  [
    scalar("id", "Int", { isId: true, isReadOnly: true }),
    scalar("title", "String"),
    scalar("inPrint", "Boolean"),
    scalar("signed", "Boolean"),
  ],
  { titleField: "title" },
);

/** A switch instead of the default checkbox, as a project might register it. */
function Switch({ id, value, onChange, field }: FieldWidgetProps) {
  return (
    <button
      id={id}
      type="button"
      role="switch"
      aria-checked={value === true}
      onClick={() => onChange(value !== true)}
    >
      {field.label}: {value === true ? "on" : "off"}
    </button>
  );
}

function Signature({ id, value, onChange }: FieldWidgetProps) {
  return (
    <input
      id={id}
      type="checkbox"
      data-widget="signature"
      checked={value === true}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}

afterEach(cleanup);

describe("RecordForm with input widgets", () => {
  it("uses a type's widget for every field of that type, a field's own widget first, and saves what it sets", async () => {
    const registry = createRegistry()
      .registerWidget({ kind: "input", type: "Boolean", component: Switch })
      .registerWidget({ kind: "input", model: "Book", field: "signed", component: Signature });
    const save = vi.fn(async (body: Record<string, unknown>) => ({ $id: "1", $label: "Dune", ...body }));
    renderAdmin(
      <RecordForm
        model={book}
        mode="edit"
        defaultValues={{ title: "Dune", inPrint: false, signed: false }}
        save={save}
        onSaved={() => undefined}
        cancelTo="/m/book/1"
      />,
      { api: apiDouble({}), registry },
    );
    const toggle = await screen.findByRole("switch", { name: "In print" });
    expect(screen.queryByRole("switch", { name: "Signed" })).toBeNull();
    expect((screen.getByLabelText("Signed") as HTMLInputElement).dataset.widget).toBe("signature");
    // A String field keeps the default text input.
    expect(screen.getByRole("textbox", { name: "Title" })).toBeTruthy();
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-checked")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(save.mock.calls[0]?.[0]).toMatchObject({ inPrint: true });
  });
});
