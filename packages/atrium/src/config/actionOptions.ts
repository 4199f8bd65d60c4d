/**
 * `models.<Model>.bulkActions` and `recordActions`: Django's admin actions. Each runs a handler on the server
 * (never sent to the browser) on the selected records or on one record, after a confirmation and an optional
 * small form of parameters; it is recorded in the history as one `action` entry, with what it wrote.
 */
import type { ActionParam } from "@atrium/core";
import type { ActionHandler, ActionPermission } from "@atrium/server";

export interface ActionOptions {
  /** Its URL segment (`/actions/<name>`) and permission part: letters, digits, `_` and `-`, unique per model. */
  name: string;
  /** @default the name in words ("markShipped": "Mark shipped") */
  label?: string;
  /** A sentence under the title of its dialog. @default none */
  description?: string;
  /**
   * The confirmation question; `{count}` and `{records}` ("3 orders") are filled in.
   * @default "<label> <count> <records>?" ("Mark as shipped 3 orders?")
   */
  confirm?: string;
  /** A small form shown in the confirmation, with the same inputs as the record forms. @default [] */
  params?: ActionParam[];
  /**
   * Who may run it: a permission on the model (`"view"`, `"add"`, `"change"`, `"delete"`), or `"run"`: the
   * action's own `action:<model>:<name>:run`, granted to roles like any other. @default "change"
   */
  permission?: ActionPermission;
  /** Runs it, in one transaction; returns `{ message }` to show, or throws `AtriumError` to refuse. */
  handler: ActionHandler;
}
