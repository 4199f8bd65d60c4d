/**
 * Which fields of a model a principal must never see. A hidden field is left out of every response and cannot
 * be filtered, sorted or searched on; the server applies this set, the UI only mirrors it. A write-only field is
 * hidden from everyone in the same way, but whoever may add or change its model may still set it.
 */
import type { ModelMeta } from "@atrium/core";
import { isSecretFieldName } from "./isSecretFieldName.js";
import type { Principal } from "./permissions.js";

/**
 * - `"hidden"`: hidden from everyone, superusers included.
 * - `"visible"`: shown to whoever may view the model, even when its name looks secret.
 * - `{ visibleTo }`: shown only to superusers and members of one of these roles.
 * - `{ hiddenFrom }`: hidden from members of any of these roles (hiding wins over another role's access),
 *   but not from superusers.
 * - `"writeOnly"`: hidden from everyone like `"hidden"`, but set by whoever may add or change the model
 *   (a password hash typed in a form, never shown again). Never the default: knowing a stored secret is a way in.
 */
export type FieldAccess =
  | "hidden"
  | "visible"
  | "writeOnly"
  | { visibleTo: readonly string[] }
  | { hiddenFrom: readonly string[] };

export interface FieldVisibilityConfig {
  /** Model key -> field name -> access. */
  models?: Record<string, Record<string, FieldAccess>>;
  /** Hide fields whose names say they are secrets (isSecretFieldName) unless configured. @default true */
  hideSecretNames?: boolean;
}

export function hiddenFields(
  model: ModelMeta,
  principal: Principal | null | undefined,
  config: FieldVisibilityConfig = {},
): Set<string> {
  const configured = config.models?.[model.key] ?? {};
  const roles = new Set(principal?.roles ?? []);
  const hidden = new Set<string>();
  for (const field of model.fields) {
    // The identity's values are the record's `$id` (its URL), so hiding them would hide nothing and leave the
    // record without an address: a secret-looking identity (`VerificationToken.token`) is shown, and a rule
    // that hides one is refused at start-up (atrium.E005).
    if (isIdentityField(model, field.name)) continue;
    const access = configured[field.name];
    if (access === undefined) {
      const secret = (config.hideSecretNames ?? true) && field.kind === "scalar";
      if (secret && isSecretFieldName(field.name)) hidden.add(field.name);
    } else if (!isVisible(access, principal, roles)) {
      hidden.add(field.name);
    }
  }
  return hidden;
}

/**
 * Fields configured `"writeOnly"`: hidden from every principal (hiddenFields includes them) but writable by
 * whoever may add or change the model.
 */
export function writeOnlyFields(model: ModelMeta, config: FieldVisibilityConfig = {}): Set<string> {
  const names = model.fields.map((field) => field.name).filter((name) => !isIdentityField(model, name));
  return new Set(names.filter((name) => isWriteOnlyField(config, model.key, name)));
}

/**
 * Whether `name` is one of the fields that address a record of `model` (`idFields`: its `@id`, `@@id`, or the
 * unique criterion standing in for them), which are always shown, whatever their name or configuration.
 */
export function isIdentityField(model: ModelMeta, name: string): boolean {
  return model.idFields.includes(name);
}

/** Whether `model.field` (model key, field name) is configured `"writeOnly"`. */
export function isWriteOnlyField(
  config: FieldVisibilityConfig,
  modelKey: string,
  fieldName: string,
): boolean {
  return config.models?.[modelKey]?.[fieldName] === "writeOnly";
}

function isVisible(
  access: FieldAccess,
  principal: Principal | null | undefined,
  roles: Set<string>,
): boolean {
  if (access === "hidden" || access === "writeOnly") return false;
  if (access === "visible") return true;
  if ("visibleTo" in access) {
    return Boolean(principal?.isSuperuser) || access.visibleTo.some((role) => roles.has(role));
  }
  if (principal?.isSuperuser) return true;
  return !access.hiddenFrom.some((role) => roles.has(role));
}
