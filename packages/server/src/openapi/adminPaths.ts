/**
 * `/api/admin/...` (auth/adminUsersRoutes.ts): users and roles, managed by superusers only, so only a
 * superuser's document describes them. Password hashes are never part of an answer.
 */
import type { ParameterObject, PathsObject, SchemaObject } from "openapi3-ts/oas31";
import { json, operation } from "./operation.js";

const tag = "Users and roles";

const roleRef: SchemaObject = {
  type: "object",
  properties: { id: { type: "string" }, name: { type: "string" } },
  required: ["id", "name"],
};

export const adminSchemas: Record<string, SchemaObject> = {
  AdminUser: {
    type: "object",
    properties: {
      id: { type: "string" },
      email: { type: "string", format: "email" },
      isSuperuser: { type: "boolean" },
      isActive: { type: "boolean" },
      createdAt: { type: "string", format: "date-time" },
      lastLoginAt: { anyOf: [{ type: "string", format: "date-time" }, { type: "null" }] },
      roles: { type: "array", items: roleRef },
    },
    required: ["id", "email", "isSuperuser", "isActive", "createdAt", "lastLoginAt", "roles"],
  },
  AdminRole: {
    type: "object",
    properties: {
      id: { type: "string" },
      name: { type: "string" },
      permissions: { type: "array", items: { type: "string" } },
      members: { type: "integer", description: "How many users have the role" },
    },
    required: ["id", "name", "permissions", "members"],
  },
};

const userRef = { $ref: "#/components/schemas/AdminUser" };
const roleAnswerRef = { $ref: "#/components/schemas/AdminRole" };

const userBody = (required: string[]): SchemaObject => ({
  type: "object",
  properties: {
    email: { type: "string", format: "email" },
    password: { type: "string", format: "password", writeOnly: true },
    isSuperuser: { type: "boolean" },
    isActive: { type: "boolean" },
    roles: { type: "array", items: { type: "string" }, description: "Role ids" },
  },
  required,
  additionalProperties: false,
});

const roleBody = (required: string[]): SchemaObject => ({
  type: "object",
  properties: {
    name: { type: "string", minLength: 1, maxLength: 100 },
    permissions: {
      type: "array",
      items: { type: "string" },
      description:
        "`model:<key>:view|add|change|delete`, `route:<name>:<method>`...; replaces the role's list",
    },
  },
  required,
  additionalProperties: false,
});

const idParameter: ParameterObject = { name: "id", in: "path", required: true, schema: { type: "string" } };
const listOf = (name: string, item: SchemaObject) =>
  json({ type: "object", properties: { [name]: { type: "array", items: item } }, required: [name] });
const deleted = { "204": { description: "Deleted" } };

export function adminPaths(): PathsObject {
  return {
    "/api/admin/users": {
      get: operation({
        operationId: "listUsers",
        summary: "Every user of the admin",
        tag,
        kind: "read",
        responses: { "200": { description: "The users", content: listOf("users", userRef) } },
      }),
      post: operation({
        operationId: "createUser",
        summary: "Add a user (the password policy applies)",
        tag,
        kind: "write",
        body: userBody(["email", "password"]),
        responses: { "201": { description: "The new user", content: json(userRef) } },
      }),
    },
    "/api/admin/users/{id}": {
      parameters: [idParameter],
      get: operation({
        operationId: "getUser",
        summary: "One user",
        tag,
        kind: "read",
        responses: { "200": { description: "The user", content: json(userRef) } },
      }),
      patch: operation({
        operationId: "updateUser",
        summary: "Change a user; you cannot demote or deactivate yourself",
        tag,
        kind: "write",
        body: userBody([]),
        responses: { "200": { description: "The user", content: json(userRef) } },
      }),
      delete: operation({
        operationId: "deleteUser",
        summary: "Delete a user (not yourself); their sessions and API tokens stop working",
        tag,
        kind: "write",
        responses: deleted,
      }),
    },
    "/api/admin/users/{id}/password": {
      parameters: [idParameter],
      post: operation({
        operationId: "setUserPassword",
        summary: "Set a user's password: the policy applies and their sessions end",
        tag,
        kind: "write",
        body: {
          type: "object",
          properties: { password: { type: "string", format: "password", writeOnly: true } },
          required: ["password"],
        },
        responses: { "204": { description: "Set" } },
      }),
    },
    "/api/admin/roles": {
      get: operation({
        operationId: "listRoles",
        summary: "Every role with its permissions and member count",
        tag,
        kind: "read",
        responses: { "200": { description: "The roles", content: listOf("roles", roleAnswerRef) } },
      }),
      post: operation({
        operationId: "createRole",
        summary: "Add a role; a permission naming an unknown model or route set is refused",
        tag,
        kind: "write",
        body: roleBody(["name"]),
        responses: { "201": { description: "The new role", content: json(roleAnswerRef) } },
      }),
    },
    "/api/admin/roles/{id}": {
      parameters: [idParameter],
      get: operation({
        operationId: "getRole",
        summary: "One role",
        tag,
        kind: "read",
        responses: { "200": { description: "The role", content: json(roleAnswerRef) } },
      }),
      patch: operation({
        operationId: "updateRole",
        summary: "Rename a role or replace its permissions",
        tag,
        kind: "write",
        body: roleBody([]),
        responses: { "200": { description: "The role", content: json(roleAnswerRef) } },
      }),
      delete: operation({
        operationId: "deleteRole",
        summary: "Delete a role; its members lose its permissions",
        tag,
        kind: "write",
        responses: deleted,
      }),
    },
    "/api/admin/permissions": {
      get: operation({
        operationId: "listRoutePermissions",
        summary: "The route permissions a role can grant, per route set of the project",
        tag,
        kind: "read",
        responses: {
          "200": {
            description: "The route sets",
            content: listOf("routes", {
              type: "object",
              properties: {
                name: { type: "string" },
                permissions: { type: "array", items: { type: "string" } },
              },
              required: ["name", "permissions"],
            }),
          },
        },
      }),
    },
  };
}
