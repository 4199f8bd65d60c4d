// @vitest-environment node
import { autoId, model, relation, scalar } from "@atrium/core/testing";
import { describe, expect, it } from "vitest";
import { formFields, writeOnlyFormFields } from "./formValues.js";
import { placeServerErrors } from "./placeServerErrors.js";

/** A task of a tenant: two pickers share `tenantId`, `sortAt` has a default the database may lack. */
const task = model(
  "Task",
  [
    autoId(),
    scalar("title", "String"),
    scalar("sortAt", "DateTime", { hasDefault: true, default: { kind: "dbgenerated" } }),
    scalar("tenantId", "Int", { isForeignKey: true }),
    scalar("projectId", "Int", { isForeignKey: true, isRequired: false }),
    scalar("assigneeId", "Int", { isForeignKey: true, isRequired: false }),
    relation("project", "Project", {
      name: "p",
      fromFields: ["tenantId", "projectId"],
      toFields: ["tenantId", "id"],
    }),
    relation("assignee", "Member", {
      name: "a",
      fromFields: ["tenantId", "assigneeId"],
      toFields: ["tenantId", "id"],
    }),
    relation("notes", "Note", { name: "n", toMany: true }),
  ],
  { titleField: "title", searchFields: ["title"] },
);

function inputsOf(mode: "create" | "edit") {
  return [...formFields(task, mode), ...writeOnlyFormFields(task)];
}

describe("placeServerErrors", () => {
  it("shows a 422 on a field the form renders beside it, a dbgenerated default included", () => {
    const result = placeServerErrors(inputsOf("create"), {
      sortAt:
        "The database has no default for this field, although the schema says it computes one; give a value",
      title: "This field is required",
    });
    expect(result.placed).toEqual({
      sortAt:
        "The database has no default for this field, although the schema says it computes one; give a value",
      title: "This field is required",
    });
    expect(result.unplaced).toEqual({});
  });

  it("shows a 422 on a relation beside its picker, and one on its key column there too", () => {
    expect(placeServerErrors(inputsOf("edit"), { project: "This project has no code" }).placed).toEqual({
      project: "This project has no code",
    });
    expect(placeServerErrors(inputsOf("edit"), { projectId: "No project has this id" }).placed).toEqual({
      project: "No project has this id",
    });
  });

  it("keeps a picker's own message over one about a key column it shares", () => {
    const result = placeServerErrors(inputsOf("create"), {
      tenantId: "Does not agree with assignee on tenantId",
      assignee: "Does not agree with project on tenantId; pick records that share it",
      project: "Does not agree with assignee on tenantId",
    });
    expect(result.placed).toEqual({
      assignee: "Does not agree with project on tenantId; pick records that share it",
      project: "Does not agree with assignee on tenantId",
    });
    expect(result.unplaced).toEqual({});
  });

  it("leaves errors about fields the form does not show to the banner", () => {
    const result = placeServerErrors(inputsOf("create"), { notes: "Read-only", shape: "Cannot be written" });
    expect(result.placed).toEqual({});
    expect(result.unplaced).toEqual({ notes: "Read-only", shape: "Cannot be written" });
  });
});
