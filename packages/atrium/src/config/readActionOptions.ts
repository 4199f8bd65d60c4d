/**
 * Start-up checks of `models.<Model>.bulkActions` and `recordActions` (codes atrium.E130–E138, W130; docs/checks.md),
 * and the actions as the server runs them.
 */
import {
  type ActionKind,
  type ActionParam,
  actionParamField,
  actionParamTypes,
  closestMatch,
  type ModelMeta,
  wordsOf,
} from "@atrium/core";
import { type ActionPermission, actionPermissions, type ServerAction } from "@atrium/server";
import { type ConfigCheck, didYouMean } from "./configCheck.js";

const actionKeys = ["name", "label", "description", "confirm", "params", "permission", "handler"];
const paramKeys = ["name", "type", "label", "required", "help", "choices"];
const namePattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

type Raw = Record<string, unknown>;

export interface ActionsRead {
  checks: ConfigCheck[];
  warnings: ConfigCheck[];
  actions: ServerAction[];
}

/** Both lists of one model; `path` is `models.<Model>`. */
export function readActionOptions(model: ModelMeta, path: string, options: Raw): ActionsRead {
  const read: ActionsRead = { checks: [], warnings: [], actions: [] };
  const names = new Set<string>();
  for (const [key, kind] of [
    ["bulkActions", "bulk"],
    ["recordActions", "record"],
  ] as const) {
    const list = options[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      read.checks.push(check("E130", `${path}.${key}`, `expected a list of actions, got ${shown(list)}.`));
      continue;
    }
    list.forEach((raw, index) => {
      const action = readAction(read, model, `${path}.${key}[${index}]`, kind, raw, names);
      if (action) read.actions.push(action);
    });
  }
  return read;
}

function readAction(
  read: ActionsRead,
  model: ModelMeta,
  where: string,
  kind: ActionKind,
  raw: unknown,
  names: Set<string>,
): ServerAction | undefined {
  if (!isObject(raw)) {
    read.checks.push(check("E130", where, `expected an action { name, handler }, got ${shown(raw)}.`));
    return undefined;
  }
  const before = read.checks.length;
  unknownKeys(read, where, raw, actionKeys);
  const name = raw.name;
  if (typeof name !== "string" || !namePattern.test(name)) {
    read.checks.push(
      check(
        "E132",
        `${where}.name`,
        `expected a name of letters, digits, '_' or '-' (e.g. "markShipped"), got ${shown(name)}.`,
      ),
    );
  } else if (names.has(name)) {
    read.checks.push(
      check(
        "E133",
        `${where}.name`,
        `'${name}' names another action of ${model.name}; names are unique per model.`,
      ),
    );
  } else names.add(name);
  if (typeof raw.handler !== "function") {
    read.checks.push(
      check(
        "E134",
        `${where}.handler`,
        `expected a function (context) => ({ message }), got ${shown(raw.handler)}.`,
      ),
    );
  }
  for (const key of ["label", "description", "confirm"]) text(read, `${where}.${key}`, raw[key]);
  const permission = raw.permission ?? "change";
  if (!actionPermissions.includes(permission as ActionPermission)) {
    const hint =
      typeof permission === "string" ? closestMatch(permission, [...actionPermissions]) : undefined;
    read.checks.push(
      check(
        "E138",
        `${where}.permission`,
        `${shown(permission)} is not a permission of an action${didYouMean(hint)}${hint ? "" : ` Use one of ${actionPermissions.join(", ")}.`}`,
      ),
    );
  } else if (
    permission !== "view" &&
    permission !== "run" &&
    model.admin?.actions?.[permission as "add" | "change" | "delete"] === false
  ) {
    read.warnings.push(
      check(
        "W130",
        `${where}.permission`,
        `'${permission}' is turned off for ${model.name} (actions.${permission}: false), so nobody can run '${String(name)}'; choose another permission, e.g. "run".`,
      ),
    );
  }
  const params = readParams(read, `${where}.params`, raw.params);
  if (read.checks.length > before || typeof name !== "string") return undefined;
  const label = typeof raw.label === "string" ? raw.label : wordsOf(name);
  const action: ServerAction = {
    name,
    kind,
    label,
    params: params.map(actionParamField),
    permission: permission as ActionPermission,
    handler: raw.handler as ServerAction["handler"],
  };
  if (typeof raw.description === "string") action.description = raw.description;
  if (typeof raw.confirm === "string") action.confirm = raw.confirm;
  return action;
}

function readParams(read: ActionsRead, where: string, raw: unknown): ActionParam[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    read.checks.push(
      check("E130", where, `expected a list of parameters { name, type }, got ${shown(raw)}.`),
    );
    return [];
  }
  const names = new Set<string>();
  return raw.flatMap((param, index): ActionParam[] => {
    const at = `${where}[${index}]`;
    if (!isObject(param)) {
      read.checks.push(check("E130", at, `expected a parameter { name, type }, got ${shown(param)}.`));
      return [];
    }
    unknownKeys(read, at, param, paramKeys);
    const { name, type } = param;
    if (typeof name !== "string" || !namePattern.test(name)) {
      read.checks.push(
        check("E132", `${at}.name`, `expected a name of letters, digits, '_' or '-', got ${shown(name)}.`),
      );
    } else if (names.has(name)) {
      read.checks.push(check("E133", `${at}.name`, `'${name}' names another parameter of this action.`));
    } else names.add(name);
    if (!actionParamTypes.includes(type as ActionParam["type"])) {
      const hint = typeof type === "string" ? closestMatch(type, [...actionParamTypes]) : undefined;
      read.checks.push(
        check(
          "E136",
          `${at}.type`,
          `${shown(type)} is not a parameter type${didYouMean(hint)}${hint ? "" : ` Use one of ${actionParamTypes.join(", ")}.`}`,
        ),
      );
    }
    text(read, `${at}.label`, param.label);
    text(read, `${at}.help`, param.help);
    if (param.required !== undefined && typeof param.required !== "boolean") {
      read.checks.push(
        check("E135", `${at}.required`, `expected true or false, got ${shown(param.required)}.`),
      );
    }
    const choices = param.choices;
    const validChoices =
      Array.isArray(choices) && choices.length > 0 && choices.every((c) => typeof c === "string" && c !== "");
    if (type === "enum" && !validChoices) {
      read.checks.push(
        check(
          "E137",
          `${at}.choices`,
          `an enum parameter needs its choices, e.g. ["low", "high"], got ${shown(choices)}.`,
        ),
      );
    } else if (type !== "enum" && choices !== undefined) {
      read.checks.push(
        check(
          "E137",
          `${at}.choices`,
          `only an enum parameter has choices; set type: "enum" or remove them.`,
        ),
      );
    }
    return typeof name === "string" ? [param as unknown as ActionParam] : [];
  });
}

function unknownKeys(read: ActionsRead, where: string, value: Raw, keys: string[]): void {
  for (const key of Object.keys(value)) {
    if (keys.includes(key)) continue;
    const hint = closestMatch(key, keys);
    read.checks.push(
      check(
        "E131",
        `${where}.${key}`,
        `unknown option '${key}'${didYouMean(hint)}${hint ? "" : ` Options here: ${keys.join(", ")}.`}`,
      ),
    );
  }
}

function text(read: ActionsRead, where: string, value: unknown): void {
  if (value === undefined || (typeof value === "string" && value.trim() !== "")) return;
  read.checks.push(check("E135", where, `expected a non-empty text, got ${shown(value)}.`));
}

function check(code: string, path: string, problem: string): ConfigCheck {
  return { code: `atrium.${code}` as ConfigCheck["code"], message: `${path}: ${problem}` };
}

function isObject(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (typeof value === "function") return "a function";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
