/**
 * `models.<Model>.viewOnSite`: a URL template whose `{field}` parts name fields of the model. Checked at start-up:
 * only `http(s)://` or a path from the site's root (a `javascript:` link would run in the admin's origin), and
 * every named field exists and can be shown in a URL (atrium.E150, E105).
 */
import { closestMatch, type ModelMeta } from "@atrium/core";
import { type ConfigCheck, didYouMean } from "./configCheck.js";

const placeholder = /\{([^{}]*)\}/g;

export function viewOnSiteProblems(path: string, model: ModelMeta, template: string): ConfigCheck[] {
  const checks: ConfigCheck[] = [];
  if (!/^(https?:\/\/[^/\s{}]+|\/(?!\/))/i.test(template)) {
    checks.push({
      code: "atrium.E150",
      message: `${path}: '${template}' must start with https://, http:// or a single / (a path on the project's site), e.g. "https://shop.example/books/{slug}".`,
    });
  }
  const names = model.fields.map((field) => field.name);
  for (const [, name = ""] of template.matchAll(placeholder)) {
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field) {
      checks.push({
        code: "atrium.E105",
        message: `${path}: '{${name}}' is not a field of ${model.name}${didYouMean(closestMatch(name, names))}`,
      });
    } else if (field.kind === "relation" || field.isList || ["Json", "Bytes"].includes(field.type)) {
      checks.push({
        code: "atrium.E106",
        message: `${path}: ${model.name}.${name} cannot be part of a URL: use a text, number, date or enum field.`,
      });
    }
  }
  return checks;
}
