// @vitest-environment node
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
const text = (isSuperuser: boolean) =>
  renderToStaticMarkup(createElement(AddBlockedNote, { model: credentials, isSuperuser }))
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();

describe("AddBlockedNote", () => {
  it("says why a superuser cannot add records, and the config line that lets them", () => {
    expect(text(true)).toBe(
      'Credentials cannot be added here: Secret is required and hidden from everyone. To allow it, add to fields in the config: "Credentials.secret": "visible"',
    );
  });

  it("tells anyone else why, and whom to ask", () => {
    expect(text(false)).toBe(
      "Credentials cannot be added here: Secret is required and hidden from you. Ask an administrator.",
    );
  });

  it("renders nothing when no hidden field blocks creates", () => {
    const free = { ...credentials, permissions: { ...credentials.permissions, addBlockedBy: [] } };
    expect(renderToStaticMarkup(createElement(AddBlockedNote, { model: free, isSuperuser: true }))).toBe("");
  });
});
