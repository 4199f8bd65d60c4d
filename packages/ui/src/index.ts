export { AdminApp, type AdminAppProps } from "./AdminApp.js";
export { adminRoutes } from "./adminRoutes.js";
export { RecordPicker, type RecordPickerProps } from "./components/RecordPicker.js";
export { EmptyState, ErrorState, PageHeader, Skeleton } from "./components/StateViews.js";
export { DeleteDialog, type DeleteDialogProps } from "./delete/DeleteDialog.js";
export { defaultWidgets, widgetKeyFor } from "./form/widgets/defaultWidgets.js";
export { CellValue } from "./format/CellValue.js";
