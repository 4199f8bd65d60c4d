/**
 * atrium.W002: a rule that hides one side of a relation hides the other side too (a relation, the scalars
 * holding its key and its other end are one secret, see @atrium/auth's linkedFields.ts). The server does it
 * anyway; the warning says so, so that nobody is surprised that `Order.customer` vanished when they hid
 * `Order.customerId`. Configuring the other fields the same way says it was meant and silences it.
 */
import { type FieldAccess, type FieldVisibilityConfig, relationSecret, withLinkedFields } from "@atrium/auth";
import { findModelByKey, type SchemaMeta } from "@atrium/core";
import type { ConfigCheck } from "./configCheck.js";

export function linkedFieldWarnings(schema: SchemaMeta, visibility: FieldVisibilityConfig): ConfigCheck[] {
  const warnings: ConfigCheck[] = [];
  const rules = visibility.models ?? {};
  const nameOf = (modelKey: string, field: string) =>
    `${findModelByKey(schema, modelKey)?.name ?? modelKey}.${field}`;
  for (const [modelKey, fields] of Object.entries(rules)) {
    const model = findModelByKey(schema, modelKey);
    if (!model) continue;
    for (const [fieldName, access] of Object.entries(fields)) {
      if (access === "visible") continue;
      const linked = withLinkedFields(schema, new Map([[modelKey, new Set([fieldName])]]));
      // The rule's own model first, then the others in schema order.
      const ordered = [...linked].sort(([a], [b]) => Number(b === modelKey) - Number(a === modelKey));
      const others = ordered.flatMap(([key, names]) =>
        [...names]
          .filter((name) => !(key === modelKey && name === fieldName))
          .filter((name) => !sameAccess(rules[key]?.[name], access))
          .map((name) => nameOf(key, name)),
      );
      // Fields of an identity are in every record's URL: the link shows through them whatever the rules say.
      const shown = model.fields
        .filter((field) => field.relation)
        .map((field) => relationSecret(schema, model, field))
        .filter((refs) => refs.some((ref) => ref.model === modelKey && ref.field === fieldName))
        .flat()
        .filter((ref) => findModelByKey(schema, ref.model)?.idFields.includes(ref.field))
        .map((ref) => nameOf(ref.model, ref.field));
      if (others.length === 0 && shown.length === 0) continue;
      const subject = nameOf(modelKey, fieldName);
      const still =
        shown.length > 0
          ? `${[...new Set(shown)].join(", ")} still shows the link: it is part of a record's id, which is never hidden.`
          : "";
      const message =
        others.length > 0
          ? `${subject} is hidden by a rule, so it also hides ${others.join(", ")} from the same users: a relation, the key that holds it and its other end are one secret. Configure them the same way to say so, or make ${subject} "visible".${still ? ` ${still}` : ""}`
          : `${subject} is hidden by a rule, but ${still}`;
      warnings.push({ code: "atrium.W002", message });
    }
  }
  return warnings;
}

function sameAccess(a: FieldAccess | undefined, b: FieldAccess): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
