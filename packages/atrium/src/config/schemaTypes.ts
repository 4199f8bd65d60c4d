import type { SchemaMeta } from "@atrium/core";

/** The file `atrium types` writes beside the config, which the project's tsconfig picks up. */
export const schemaTypesFileName = "atrium-env.d.ts";

/**
 * Declaration file that teaches `defineConfig` the project's models and fields (see registeredSchema.ts), so
 * a misspelled name fails `tsc` and the editor completes the right ones.
 */
export function schemaTypesSource(schema: SchemaMeta, schemaFile: string): string {
  const models = schema.models
    .map((model) => {
      const fields = model.fields.map((field) => JSON.stringify(field.name)).join(" | ") || "never";
      return `        ${JSON.stringify(model.name)}: ${fields};`;
    })
    .join("\n");
  const relations = schema.models
    .map((model) => {
      const toOne = model.fields
        .filter((field) => field.relation && !field.relation.toMany)
        .map((field) => `${JSON.stringify(field.name)}: ${JSON.stringify(field.relation?.model)}`);
      return toOne.length > 0 ? `        ${JSON.stringify(model.name)}: { ${toOne.join("; ")} };` : undefined;
    })
    .filter((line) => line !== undefined)
    .join("\n");
  // One-to-many relations only: what computed columns aggregate (an implicit many-to-many has no model to group).
  const toMany = schema.models
    .map((model) => {
      const relations = model.fields
        .filter((field) => field.relation?.toMany && !field.relation.isManyToMany)
        .map((field) => `${JSON.stringify(field.name)}: ${JSON.stringify(field.relation?.model)}`);
      return relations.length > 0
        ? `        ${JSON.stringify(model.name)}: { ${relations.join("; ")} };`
        : undefined;
    })
    .filter((line) => line !== undefined)
    .join("\n");
  return `// Written by \`atrium types\` from ${schemaFile}; \`atrium dev\` and \`atrium build\` keep it current.
// It types the model, field and relation names in atrium.config.ts. Do not edit; commit it or ignore it, as you prefer.
import "atrium";

declare module "atrium" {
  interface AtriumRegister {
    schema: {
      models: {
${models}
      };
      relations: {
${relations}
      };
      toMany: {
${toMany}
      };
    };
  }
}
`;
}
