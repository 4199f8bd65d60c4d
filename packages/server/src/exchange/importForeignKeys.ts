import { decodeWireValue, inSentence, relatedModel } from "@atrium/core";
import type { ImportCheckerInput } from "./importCheck.js";
import type { ImportDraft } from "./importDraft.js";
import { findByField, valueKey } from "./importLookups.js";

/** Foreign keys given as values (an export's `authorId`) must point at records that exist, as the database will say. */
export async function checkForeignKeys(
  { schema, source, access, model }: ImportCheckerInput,
  drafts: ImportDraft[],
  fail: (draft: ImportDraft, field: string | null, message: string) => void,
) {
  for (const relation of model.fields) {
    const keys = relation.relation?.fromFields ?? [];
    const [keyName] = keys;
    const targetName = relation.relation?.toFields[0];
    if (keys.length !== 1 || !keyName || !targetName) continue;
    const keyField = model.fields.find((field) => field.name === keyName);
    const related = relatedModel(schema, relation);
    const target = related.fields.find((field) => field.name === targetName);
    if (!keyField || !target) continue;
    const wanted = drafts.flatMap((draft) => {
      const wire = draft.body[keyName];
      // A relation column's record was just found: its key needs no second look.
      const named = [...draft.refs.keys()].some((column) => column.field.name === relation.name);
      if (wire == null || named || draft.errors.some((error) => error.field === relation.name)) return [];
      try {
        return [{ draft, value: decodeWireValue(keyField, wire) }];
      } catch {
        return [];
      }
    });
    if (wanted.length === 0) continue;
    const found = await findByField(
      source,
      access.dataModel(related),
      target,
      wanted.map(({ value }) => value),
    );
    for (const { draft, value } of wanted) {
      if (found.has(valueKey(target, value))) continue;
      const text = String(draft.body[keyName]);
      fail(draft, keyName, `No ${inSentence(related.label)} has the ${inSentence(target.label)} ${text}`);
    }
  }
}
