import type { ReactNode } from "react";

/** One labelled control in the look of the record forms, with the server's message for it underneath. */
export function AdminField({
  id,
  label,
  error,
  help,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  help?: string;
  children: ReactNode;
}) {
  return (
    <div className="form-field">
      <div className="form-label">
        <label htmlFor={id}>{label}</label>
      </div>
      <div className="form-control">
        {children}
        {help && <p className="form-help">{help}</p>}
        {error && (
          <p className="form-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** Field messages of an ApiError, keyed by field name (`permissions.3`, `email`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = (error as { fields?: Record<string, string> } | null)?.fields;
  return fields ?? {};
}
