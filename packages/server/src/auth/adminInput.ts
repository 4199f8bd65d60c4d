/**
 * Reading the bodies of the user and role administration routes. Pure: every problem is an AtriumError whose
 * `fields` names the field, so the admin's forms can show it next to the right input.
 */
import { checkPermission } from "@atrium/auth";
import { AtriumError, type SchemaMeta } from "@atrium/core";
import { type RouteSet, routeMethods } from "../custom/defineRoutes.js";

export interface UserInput {
  email?: string;
  isSuperuser?: boolean;
  isActive?: boolean;
  /** Role ids. */
  roles?: string[];
  password?: string;
}

export interface RoleInput {
  name?: string;
  permissions?: string[];
}

const userKeys = new Set(["email", "isSuperuser", "isActive", "roles", "password"]);
const roleKeys = new Set(["name", "permissions"]);
const emailShape = /^[^\s@]+@[^\s@]+$/;

function invalid(field: string, message: string): AtriumError {
  return new AtriumError("validation_failed", `${field}: ${message}`, { fields: { [field]: message } });
}

function objectBody(body: unknown, allowed: Set<string>, example: string): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AtriumError("bad_request", `Send a JSON object such as ${example}`);
  }
  for (const key of Object.keys(body)) {
    if (!allowed.has(key)) throw invalid(key, `Unknown field; expected one of ${[...allowed].join(", ")}`);
  }
  return body as Record<string, unknown>;
}

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw invalid(field, "Send a list of strings");
  return value.map((item, index) => {
    if (typeof item !== "string") throw invalid(`${field}.${index}`, "Must be a string");
    return item;
  });
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== "boolean") throw invalid(field, "Must be true or false");
  return value;
}

/** `required` lists the fields a create must carry. */
export function readUserInput(body: unknown, required: readonly (keyof UserInput)[] = []): UserInput {
  const raw = objectBody(body, userKeys, '{ "email": "a@b.c", "roles": [] }');
  for (const name of required) {
    if (raw[name] === undefined) throw invalid(name, "Required");
  }
  const input: UserInput = {};
  if (raw.email !== undefined) {
    if (typeof raw.email !== "string" || !emailShape.test(raw.email.trim())) {
      throw invalid("email", "Enter an email address such as name@example.com");
    }
    input.email = raw.email.trim();
  }
  if (raw.isSuperuser !== undefined) input.isSuperuser = flag(raw.isSuperuser, "isSuperuser");
  if (raw.isActive !== undefined) input.isActive = flag(raw.isActive, "isActive");
  if (raw.roles !== undefined) input.roles = [...new Set(stringList(raw.roles, "roles"))];
  if (raw.password !== undefined) {
    if (typeof raw.password !== "string") throw invalid("password", "Must be a string");
    input.password = raw.password;
  }
  return input;
}

/** What permissions can name: the schema's models and the route sets of `createAtriumApp({ routes })`. */
export interface PermissionTargets {
  schema: SchemaMeta;
  routeSets: readonly RouteSet[];
}

export function readRoleInput(
  body: unknown,
  targets: PermissionTargets,
  required: readonly (keyof RoleInput)[] = [],
): RoleInput {
  const raw = objectBody(body, roleKeys, '{ "name": "Editors", "permissions": ["model:book:change"] }');
  for (const name of required) {
    if (raw[name] === undefined) throw invalid(name, "Required");
  }
  const input: RoleInput = {};
  if (raw.name !== undefined) {
    if (typeof raw.name !== "string" || raw.name.trim() === "") throw invalid("name", "Enter a name");
    if (raw.name.trim().length > 100) throw invalid("name", "Use at most 100 characters");
    input.name = raw.name.trim();
  }
  if (raw.permissions !== undefined) {
    const permissions = stringList(raw.permissions, "permissions");
    permissions.forEach((permission, index) => {
      const problem = rolePermissionProblem(permission, targets);
      if (problem) throw invalid(`permissions.${index}`, problem);
    });
    input.permissions = [...new Set(permissions)].sort();
  }
  return input;
}

/**
 * Null when a role may grant `permission`: well formed, and a model or route set it names exists. A typo such
 * as `model:bok:view` would otherwise grant nothing, silently.
 */
export function rolePermissionProblem(permission: string, targets: PermissionTargets): string | null {
  const problem = checkPermission(permission);
  if (problem) return problem;
  const [kind, key, action] = permission.split(":");
  if ((kind === "model" || kind === "action") && key !== "*") {
    if (!targets.schema.models.some((model) => model.key === key)) {
      return `'${permission}' names the model '${key}', which does not exist`;
    }
  }
  if (kind === "route") {
    if (key !== "*" && !targets.routeSets.some((set) => set.name === key)) {
      return `'${permission}' names the route set '${key}', which the server does not define`;
    }
    if (action !== "*" && !(routeMethods as readonly string[]).includes(action ?? "")) {
      return `'${permission}' must end with one of ${routeMethods.join(", ")} or *`;
    }
  }
  return null;
}
