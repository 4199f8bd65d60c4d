import type { FieldsetMeta } from "@atrium/core";
import { type ReactNode, useEffect, useId, useState } from "react";

export interface FormSectionProps {
  /** Absent for the untitled section. */
  fieldset?: FieldsetMeta;
  /** One of its fields has an error: a collapsed section opens so that the error can be seen. */
  hasError: boolean;
  children: ReactNode;
}

/**
 * One section of a form: a `<fieldset>` with its title as legend, or, when configured `collapsed`, a
 * `<details>` the user opens. Closed, its inputs stay mounted: their values are still saved.
 */
export function FormSection({ fieldset, hasError, children }: FormSectionProps) {
  const descriptionId = useId();
  const [open, setOpen] = useState(!fieldset?.collapsed);
  useEffect(() => {
    if (hasError) setOpen(true);
  }, [hasError]);
  if (!fieldset) return <div className="form-grid">{children}</div>;
  const description = fieldset.description && (
    <p id={descriptionId} className="form-section-description">
      {fieldset.description}
    </p>
  );
  if (!fieldset.collapsed) {
    return (
      <fieldset className="form-section" aria-describedby={fieldset.description ? descriptionId : undefined}>
        <legend className="form-section-title">{fieldset.title}</legend>
        {description}
        <div className="form-grid">{children}</div>
      </fieldset>
    );
  }
  return (
    <details
      className="form-section"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary className="form-section-title">{fieldset.title}</summary>
      {description}
      <div className="form-grid">{children}</div>
    </details>
  );
}
