/**
 * Actions on a list's selection and on one record (config `models.<Model>.bulkActions` / `recordActions`), as
 * the server runs them: the metadata the UI gets, plus the handler, which never leaves the server.
 */
import type { ModelAction } from "@atrium/auth";
import type { ActionMeta, WireRow } from "@atrium/core";
import type { RecordActions } from "../routes/recordActions.js";

/** Who may run an action: a permission on the model, or `"run"`: the action's own `action:<model>:<name>:run`. */
export type ActionPermission = ModelAction | "run";

export const actionPermissions: readonly ActionPermission[] = ["view", "add", "change", "delete", "run"];

/** What a handler gets. */
export interface ActionContext {
  /** URL key of the model, e.g. `"order"`. */
  model: string;
  /** The `$id`s of the records the action runs on, distinct, in the order they were sent. */
  ids: string[];
  /** Those records as the user may read them (hidden fields left out), in the order of `ids`. */
  records: WireRow[];
  /** The parameters, validated and typed (numbers, booleans, Dates); an unset optional one is absent. */
  params: Record<string, unknown>;
  /**
   * Reads and writes inside the action's one transaction, with the user's permissions: every write is recorded
   * in the history as following from the action's entry, and a throw rolls them all back.
   */
  db: RecordActions;
  /** The signed-in user; null in an app built without sign-in. */
  user: { id: string; email: string } | null;
  /** Reports how far a long action is; the UI shows a progress bar when it asked for progress. */
  progress(done: number, total: number): void;
}

/** What a handler returns; `message` is shown to the user (default: "<Label>: <n> <records>."). */
export interface ActionResult {
  message?: string;
}

// biome-ignore lint/suspicious/noConfusingVoidType: a handler with nothing to say may simply not return.
export type ActionHandler = (context: ActionContext) => Promise<ActionResult | void>;

/** One action as the server holds it after the start-up checks. */
export interface ServerAction extends ActionMeta {
  /** @default "change" */
  permission: ActionPermission;
  handler: ActionHandler;
}

/** Actions keyed by model URL key. */
export type ModelActionsMap = ReadonlyMap<string, readonly ServerAction[]>;
