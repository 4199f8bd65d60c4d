/**
 * @atrium/ui: the default views and the building blocks they are made of, for a project's custom pages,
 * slots and widgets. Headless hooks come from @atrium/client. See docs/extending.md.
 */

// ---- The whole admin --------------------------------------------------------------------------------------

/** The admin as one component: providers, router and the default views. */
export { AdminApp, type AdminAppProps } from "./AdminApp.js";
/** The admin's routes, to mount inside a router of your own. */
export { adminRoutes } from "./adminRoutes.js";

// ---- Building blocks the generated views use ----------------------------------------------------------------

/** The "No access" / "Read only" state with a way back. */
export { NoPermission } from "./auth/NoPermission.js";
/** The admin's button (`variant`: default, primary, danger, ghost; `size`: small). */
export { Button, type ButtonProps } from "./components/Button.js";
/** A modal dialog with a title, body and footer; Escape and the backdrop close it. */
export { Dialog, type DialogProps } from "./components/Dialog.js";
/** Searchable picker of one or many records of a model, as relation inputs use it. */
export { RecordPicker, type RecordPickerProps } from "./components/RecordPicker.js";
/** A page's title, description and actions; the states shown instead of content (empty, error, loading). */
export { EmptyState, ErrorState, PageHeader, Skeleton } from "./components/StateViews.js";
/** `const toast = useToast(); toast("Saved")`: the admin's short confirmations. */
export { useToast } from "./components/Toasts.js";
/** The delete confirmation with its preview of what else goes (cascades) or blocks. */
export { DeleteDialog, type DeleteDialogProps } from "./delete/DeleteDialog.js";
/** One labelled input for a field, with the registry's input widget, outside a generated form. */
export { FieldInput, type FieldInputProps } from "./form/FieldInput.js";
/** Converters between a record's wire values and the form values inputs work with. */
export { type FormValue, toFormValue, toWireValue } from "./form/formValues.js";
/** One value shown the way its type reads best (the default cell). */
export { CellValue, type CellValueProps } from "./format/CellValue.js";
/** One field's value with the registry's cell widget, else `CellValue`. */
export { RecordCell, type RecordCellProps } from "./format/RecordCell.js";
/** The list table: sortable headers, selection, title links, registry cell widgets. */
export { DataTable, type DataTableProps } from "./list/DataTable.js";
/** Keeps a failing component of yours from blanking the page around it. */
export { SlotBoundary } from "./slots/SlotBoundary.js";

// ---- Widgets ----------------------------------------------------------------------------------------------

/** The default input of each widget key, the key of a field, and the input the form would use for it. */
export { defaultWidgets, resolveWidget, widgetKeyFor } from "./form/widgets/defaultWidgets.js";
/** "1,234" or "~1.2M" for counts. */
export { formatCount } from "./format/formatCount.js";
