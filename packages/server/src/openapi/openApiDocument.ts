/**
 * The OpenAPI 3.1 document of the API as one caller may use it: a component schema per model they may view
 * (their view: hidden fields absent), the record routes of those models, write routes only where they hold the
 * permission, and the one error shape. Pure: built from metadata, no request needed.
 */
import type { OpenAPIObject, PathsObject, SchemaObject } from "openapi3-ts/oas31";
import { adminPaths, adminSchemas } from "./adminPaths.js";
import { authPaths } from "./authPaths.js";
import { exchangePaths } from "./exchangePaths.js";
import { globalPaths, sharedAnswerSchemas } from "./globalPaths.js";
import type { DocumentInput, ModelEntry } from "./modelEntry.js";
import { createSchema, readSchema, updateSchema } from "./modelSchemas.js";
import { projectRoutePaths, projectRouteTag } from "./projectRoutePaths.js";
import { recordPaths } from "./recordPaths.js";
import { enumSchemas, errorResponses, errorSchema, recordRefSchema } from "./sharedComponents.js";
import { apiTokenSchema, tokenPaths } from "./tokenPaths.js";

export function buildOpenApiDocument(input: DocumentInput): OpenAPIObject {
  const schemas: Record<string, SchemaObject> = {
    Error: errorSchema,
    RecordRef: recordRefSchema,
    ...sharedAnswerSchemas,
    ...enumSchemas(enumsUsed(input)),
  };
  // Tokens, users and roles exist only in apps with sign-in; users and roles are for superusers alone.
  const signIn = input.sessionCookie !== null;
  const manager = signIn && input.superuser;
  if (signIn) schemas.ApiToken = apiTokenSchema;
  if (manager) Object.assign(schemas, adminSchemas);
  const paths: PathsObject = {
    ...(input.sessionCookie ? authPaths(input.sessionCookie) : {}),
    ...(signIn ? tokenPaths(input.superuser) : {}),
    ...(manager ? adminPaths() : {}),
    ...globalPaths(input),
  };
  for (const entry of input.models) {
    const { viewModel, writeModel } = entry;
    schemas[viewModel.name] = readSchema(input.schema, viewModel);
    if (entry.can.add) schemas[`${viewModel.name}Create`] = createSchema(input.schema, viewModel, writeModel);
    if (entry.can.change)
      schemas[`${viewModel.name}Update`] = updateSchema(input.schema, viewModel, writeModel);
    Object.assign(paths, recordPaths(input, entry), exchangePaths(input, entry));
  }
  Object.assign(paths, projectRoutePaths(input.projectRoutes));
  const routeSets = [...new Set(input.projectRoutes.map((route) => route.set))];
  return {
    openapi: "3.1.0",
    info: {
      ...input.info,
      description:
        "The Atrium HTTP API as the signed-in user may use it: only the models they may view, without the fields hidden from them, and write operations only where they hold the permission. See docs/api.md.",
    },
    servers: [{ url: input.serverUrl }],
    tags: [
      ...(signIn ? [{ name: "Sign-in" }, { name: "API tokens" }] : []),
      ...(manager ? [{ name: "Users and roles" }] : []),
      { name: "Admin" },
      ...input.models.map((entry) => ({ name: entry.viewModel.labelPlural })),
      ...routeSets.map((set) => ({ name: projectRouteTag(set) })),
    ],
    paths,
    components: {
      schemas,
      responses: errorResponses,
      ...(input.sessionCookie
        ? {
            securitySchemes: {
              session: { type: "apiKey", in: "cookie", name: input.sessionCookie },
              token: {
                type: "http",
                scheme: "bearer",
                description:
                  "An API token (`Authorization: Bearer ...`); a read-only token may only read (GET)",
              },
            },
          }
        : {}),
    },
    ...(input.sessionCookie ? { security: [{ session: [] }, { token: [] }] } : {}),
  };
}

/** Enum name -> values, for the enums the caller's fields use (a hidden enum field's values stay unsaid). */
function enumsUsed(input: DocumentInput): Map<string, readonly string[]> {
  const used = new Map<string, readonly string[]>();
  const visit = (entry: ModelEntry) => {
    for (const field of [...entry.viewModel.fields, ...entry.writeModel.fields]) {
      if (field.kind !== "enum" || used.has(field.type)) continue;
      const declared = input.schema.enums.find((meta) => meta.name === field.type);
      used.set(field.type, declared?.values ?? field.enumValues ?? []);
    }
  };
  input.models.forEach(visit);
  return used;
}
