// @vitest-environment node
import type { ModelMeta } from "@atrium/core";
import { model } from "@atrium/core/testing";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AddBlockedNote } from "./AddBlockedNote.js";

const credentials = {
  ...model("Credentials", [], { label: "Credentials", labelPlural: "Credentials" }),
  permissions: {
    view: true,
    add: false,
    change: true,
    delete: true,
    addBlockedBy: [{ name: "secret", label: "Secret", access: "visible" }],
  },
};

/** The note's text as a reader gets it, tags dropped. */
const text = (model: ModelMeta) =>
  renderToStaticMarkup(createElement(AddBlockedNote, { model }))
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();

describe("AddBlockedNote", () => {
  it("says why a superuser cannot add records, and the config line that lets them", () => {
    expect(text(credentials)).toBe(
      'Credentials cannot be added here: Secret is required and hidden from everyone. To allow it, add to fields in the config: "Credentials.secret": "visible"',
    );
  });

  it("tells anyone else (who is told no field names) why, and whom to ask", () => {
    const unnamed = { ...credentials, permissions: { ...credentials.permissions, addBlockedBy: [] } };
    expect(text(unnamed)).toBe(
      "Credentials cannot be added here: a required field is hidden from you. Ask an administrator.",
    );
  });

  it("renders nothing when no hidden field blocks creates", () => {
    const free = { ...credentials, permissions: { view: true, add: true, change: true, delete: true } };
    expect(text(free)).toBe("");
  });
});
