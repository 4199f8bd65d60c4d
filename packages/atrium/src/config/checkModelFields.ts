/**
 * The field half of the `models` checks: every field an option names exists (atrium.E105, with the nearest
 * name), suits the option (E106: a search field is text, an ordering field has an order...), is named once
 * (E107); the page size is one of the choices (E108); and no read-only field blocks every create (E109).
 */
import {
  closestMatch,
  type FieldMeta,
  findModelByName,
  isSortable,
  type ModelMeta,
  type SchemaMeta,
} from "@atrium/core";
import { type ConfigCheck, didYouMean } from "./configCheck.js";
import type { ModelOptionsInput } from "./readModelOptions.js";
import { viewOnSiteProblems } from "./viewOnSiteTemplate.js";

export function checkModelFields(
  schema: SchemaMeta,
  model: ModelMeta,
  input: ModelOptionsInput,
): ConfigCheck[] {
  const checks: ConfigCheck[] = [];
  const path = `models.${model.name}`;
  const check = new FieldChecker(schema, checks);
  const { list = {}, form = {} } = input;

  if (input.titleField !== undefined) {
    const field = check.field(`${path}.titleField`, model, input.titleField);
    if (field && (field.kind === "relation" || !isSortable(field))) {
      check.unsuitable(
        `${path}.titleField`,
        model,
        field,
        "cannot label records: use a text, number, date or enum field",
      );
    }
  }
  checkColumns(checks, `${path}.list.columns`, model, list);
  check.duplicates(`${path}.list.columns`, list.columns);
  for (const [index, search] of (list.search ?? []).entries()) {
    check.searchPath(`${path}.list.search[${index}]`, model, search);
  }
  check.duplicates(`${path}.list.search`, list.search);
  check.each(`${path}.list.filters`, model, list.filters, filterProblem);
  for (const [index, token] of (list.ordering ?? []).entries()) {
    check.orderingPath(`${path}.list.ordering[${index}]`, model, token);
  }
  check.duplicates(
    `${path}.list.ordering`,
    list.ordering?.map((token) => token.replace(/^-/, "")),
  );
  if (list.dateHierarchy !== undefined) {
    const field = check.field(`${path}.list.dateHierarchy`, model, list.dateHierarchy);
    if (field && (field.type !== "DateTime" || field.isList)) {
      check.unsuitable(
        `${path}.list.dateHierarchy`,
        model,
        field,
        "cannot be drilled into by date: use a DateTime field",
      );
    }
  }
  check.each(`${path}.list.editable`, model, list.editable, (field) =>
    editableProblem(model, list.columns, field),
  );
  if (input.viewOnSite !== undefined)
    checks.push(...viewOnSiteProblems(`${path}.viewOnSite`, model, input.viewOnSite));
  const choices = list.perPageChoices;
  const perPage = list.perPage ?? 25;
  if (choices && !choices.includes(perPage)) {
    checks.push({
      code: "atrium.E108",
      message: `${path}.list.perPage: ${perPage}${list.perPage === undefined ? " (the default)" : ""} is not one of list.perPageChoices [${choices.join(", ")}]; add it to the choices or choose one of them.`,
    });
  }

  const addable = input.actions?.add !== false && input.hidden !== true;
  check.each(`${path}.form.readOnly`, model, form.readOnly, (field) => {
    if (!addable || !blocksCreate(model, field)) return undefined;
    checks.push({
      code: "atrium.E109",
      message: `${path}.form.readOnly: '${field.name}' is required and has no default, so nobody could create ${model.name} records; leave it editable, give it a default, or set actions.add to false.`,
    });
    return undefined;
  });
  const fieldsetNames: string[] = [];
  for (const [index, fieldset] of (form.fieldsets ?? []).entries()) {
    check.each(`${path}.form.fieldsets[${index}].fields`, model, fieldset.fields, (field) =>
      formProblem(model, field),
    );
    fieldsetNames.push(...fieldset.fields);
  }
  check.duplicates(`${path}.form.fieldsets`, fieldsetNames);
  for (const key of ["help", "placeholder"] as const) {
    for (const name of Object.keys(form[key] ?? {})) check.field(`${path}.form.${key}.${name}`, model, name);
  }
  for (const name of Object.keys(input.fieldLabels ?? {}))
    check.field(`${path}.fieldLabels.${name}`, model, name);
  return checks;
}

/** Each column is a field or a computed column (atrium.E116, with the nearest of either). */
function checkColumns(
  checks: ConfigCheck[],
  path: string,
  model: ModelMeta,
  list: NonNullable<ModelOptionsInput["list"]>,
): void {
  const computed = (list.computed ?? []).map((column) => column.name);
  const known = [...model.fields.map((field) => field.name), ...computed];
  for (const [index, name] of (list.columns ?? []).entries()) {
    if (known.includes(name)) continue;
    checks.push({
      code: "atrium.E116",
      message: `${path}[${index}]: '${name}' is neither a field of ${model.name} nor a column of list.computed${didYouMean(closestMatch(name, known))}`,
    });
  }
}

/** A required value a create cannot do without: the field itself, or the key a required relation holds. */
function blocksCreate(model: ModelMeta, field: FieldMeta): boolean {
  if (field.isReadOnly || field.isList || field.isUpdatedAt) return false;
  if (field.kind === "relation") return !field.relation?.toMany && field.isRequired;
  return field.isRequired && !field.hasDefault && !isKeyOfOptionalRelation(model, field);
}

function isKeyOfOptionalRelation(model: ModelMeta, field: FieldMeta): boolean {
  return model.fields.some((other) => other.relation?.fromFields.includes(field.name) && !other.isRequired);
}

/** Why a field cannot be edited in the list's cells, if it cannot. */
function editableProblem(
  model: ModelMeta,
  columns: string[] | undefined,
  field: FieldMeta,
): string | undefined {
  if (columns && !columns.includes(field.name))
    return "is not one of list.columns; add it there to edit it in the list";
  if (field.kind === "relation" || field.isForeignKey)
    return "cannot be edited in the list (a relation is chosen on the form)";
  if (field.isId || field.isReadOnly || field.isUpdatedAt)
    return "cannot be edited in the list (it is read-only)";
  if (field.isList || ["Json", "Bytes", "Unsupported", "DateTime"].includes(field.type)) {
    return `cannot be edited in the list (${field.isList ? "a list of values" : field.type} needs the form)`;
  }
  return model.fields.includes(field) ? undefined : "is not a field of the model";
}

function filterProblem(field: FieldMeta): string | undefined {
  if (field.kind === "relation") {
    return field.relation?.toMany && !field.relation.isManyToMany
      ? "cannot be filtered in the list (a one-to-many relation; filter the other model by its relation instead)"
      : undefined;
  }
  if (field.isList) return "cannot be filtered in the list (a list of values)";
  if (["Json", "Bytes", "Unsupported"].includes(field.type)) {
    return `cannot be filtered in the list (${field.type} has no filter)`;
  }
  return undefined;
}

function formProblem(model: ModelMeta, field: FieldMeta): string | undefined {
  if (field.kind === "relation" && field.relation?.toMany && !field.relation.isManyToMany) {
    return "is not on forms (a one-to-many relation is set from the other model)";
  }
  const holder = model.fields.find(
    (other) => other.relation?.fromFields.includes(field.name) && !other.relation.toMany,
  );
  return holder
    ? `is edited through its relation '${holder.name}'; name '${holder.name}' instead`
    : undefined;
}

class FieldChecker {
  constructor(
    private readonly schema: SchemaMeta,
    private readonly checks: ConfigCheck[],
  ) {}

  /** The field `name` of `model`, or undefined after an E105 with the nearest name. */
  field(path: string, model: ModelMeta, name: string): FieldMeta | undefined {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (field) return field;
    const hint = closestMatch(
      name,
      model.fields.map((candidate) => candidate.name),
    );
    this.checks.push({
      code: "atrium.E105",
      message: `${path}: '${name}' is not a field of ${model.name}${didYouMean(hint)}`,
    });
    return undefined;
  }

  unsuitable(path: string, model: ModelMeta, field: FieldMeta, problem: string): void {
    this.checks.push({ code: "atrium.E106", message: `${path}: ${model.name}.${field.name} ${problem}.` });
  }

  /** Checks each name of a list: it exists, `problem` has nothing against it, and it is named once. */
  each(
    path: string,
    model: ModelMeta,
    names: string[] | undefined,
    problem: (field: FieldMeta) => string | undefined,
  ): void {
    for (const [index, name] of (names ?? []).entries()) {
      const field = this.field(`${path}[${index}]`, model, name);
      const found = field && problem(field);
      if (field && found) this.unsuitable(`${path}[${index}]`, model, field, found);
    }
    this.duplicates(path, names);
  }

  duplicates(path: string, names: string[] | undefined): void {
    const seen = new Set<string>();
    for (const name of names ?? []) {
      if (seen.has(name)) {
        this.checks.push({ code: "atrium.E107", message: `${path}: '${name}' is named twice; keep one.` });
      }
      seen.add(name);
    }
  }

  private titleOf(field: FieldMeta): string {
    return (field.relation && findModelByName(this.schema, field.relation.model)?.titleField) || "id";
  }

  /** The last field of a dotted path through to-one relations, or undefined after the problem it has. */
  private walk(
    path: string,
    model: ModelMeta,
    dotted: string,
  ): { field: FieldMeta; owner: ModelMeta } | undefined {
    let owner = model;
    const steps = dotted.split(".");
    for (const [index, name] of steps.entries()) {
      const field = this.field(path, owner, name);
      if (!field) return undefined;
      if (index === steps.length - 1) return { field, owner };
      const related = field.relation && findModelByName(this.schema, field.relation.model);
      if (!related || field.relation?.toMany) {
        const what = field.relation ? "a to-many relation" : "not a relation";
        this.unsuitable(path, owner, field, `is ${what}: paths go through to-one relations only`);
        return undefined;
      }
      owner = related;
    }
    return undefined;
  }

  searchPath(path: string, model: ModelMeta, dotted: string): void {
    const found = this.walk(path, model, dotted);
    const field = found?.field;
    if (found && field && (field.kind !== "scalar" || field.type !== "String" || field.isList)) {
      this.unsuitable(
        path,
        found.owner,
        field,
        "cannot be searched: search looks in text (String) fields only",
      );
    }
  }

  orderingPath(path: string, model: ModelMeta, token: string): void {
    const found = this.walk(path, model, token.replace(/^-/, ""));
    if (!found || isSortable(found.field)) return;
    const { field, owner } = found;
    const why =
      field.kind === "relation"
        ? `it is a relation; sort by a field of it, e.g. '${field.name}.${this.titleOf(field)}'`
        : `${field.type}${field.isList ? " lists have" : " has"} no order`;
    this.unsuitable(path, owner, field, `cannot sort the list: ${why}`);
  }
}
