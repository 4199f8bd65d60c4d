import type { ReactNode } from "react";
import { FieldRow } from "../form/FieldRow.js";

/** One labelled control in the look of the record forms, with the server's message for it underneath. */
export function AdminField(props: {
  id: string;
  label: string;
  error?: string;
  help?: string;
  children: ReactNode;
}) {
  return <FieldRow {...props} />;
}

/** Field messages of an ApiError, keyed by field name (`permissions.3`, `email`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = (error as { fields?: Record<string, string> } | null)?.fields;
  return fields ?? {};
}
