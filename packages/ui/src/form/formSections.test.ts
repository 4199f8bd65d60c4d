import type { ModelMeta } from "@atrium/core";
import { model, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { formSections } from "./formSections.js";

const fields = ["email", "firstName", "lastName", "phone", "marketingOptIn"].map((name) =>
  scalar(name, "String"),
);
const plain = model("Customer", fields);
const names = (sections: ReturnType<typeof formSections>) =>
  sections.map((section) => [section.fieldset?.title ?? "", section.fields.map((field) => field.name)]);

describe("formSections", () => {
  it("is one untitled section of every field without fieldsets", () => {
    expect(names(formSections(plain, fields))).toEqual([
      ["", ["email", "firstName", "lastName", "phone", "marketingOptIn"]],
    ]);
  });

  it("follows the fieldsets' order, then puts the fields of none in a last untitled section", () => {
    const configured: ModelMeta = {
      ...plain,
      admin: {
        form: {
          fieldsets: [
            { title: "Name", fields: ["lastName", "firstName"] },
            { title: "Marketing", collapsed: true, fields: ["marketingOptIn"] },
          ],
        },
      },
    };
    expect(names(formSections(configured, fields))).toEqual([
      ["Name", ["lastName", "firstName"]],
      ["Marketing", ["marketingOptIn"]],
      ["", ["email", "phone"]],
    ]);
  });

  it("leaves out a fieldset none of whose fields the form shows", () => {
    const configured: ModelMeta = {
      ...plain,
      admin: {
        form: {
          fieldsets: [
            { title: "Audit", fields: ["createdAt"] },
            { title: "All", fields: ["email"] },
          ],
        },
      },
    };
    expect(names(formSections(configured, fields.slice(0, 1)))).toEqual([["All", ["email"]]]);
  });
});
