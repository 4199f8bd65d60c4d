import { inSentence, type ModelMeta } from "@atrium/core";

/**
 * The fields a list's search looks in, as the search box says them ("title, ISBN or author"): a user should
 * not have to guess why a word found nothing. A relation path (`author.name`) is named by its relation.
 */
export function searchedFields(model: ModelMeta): string {
  const labels: string[] = [];
  for (const path of model.searchFields) {
    const [first = ""] = path.split(".");
    const field = model.fields.find((candidate) => candidate.name === first);
    const label = inSentence(field?.label ?? first);
    if (label !== "" && !labels.includes(label)) labels.push(label);
  }
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}
