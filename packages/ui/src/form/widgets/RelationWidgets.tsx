import { type FieldWidgetProps, type RecordRef, useRelatedModel } from "@atrium/client";
import { RecordPicker } from "../../components/RecordPicker.js";

/** To-one relation: an async autocomplete over the related model's lookup endpoint. */
export function RelationInput({
  id,
  field,
  value,
  onChange,
  onBlur,
  disabled,
  invalid,
  describedBy,
}: FieldWidgetProps) {
  const related = useRelatedModel(field);
  if (!related) return <span className="faint">Unknown model {field.relation?.model}</span>;
  const ref = value && typeof value === "object" && !Array.isArray(value) ? (value as RecordRef) : null;
  return (
    <RecordPicker
      id={id}
      modelKey={related.key}
      value={ref ? [ref] : []}
      onChange={(refs) => onChange(refs[0] ?? null)}
      onBlur={onBlur}
      disabled={disabled}
      invalid={invalid}
      describedBy={describedBy}
      placeholder={`Search ${related.labelPlural.toLowerCase()}…`}
    />
  );
}

/** Implicit many-to-many: the same picker, several chips. */
export function RelationManyInput({
  id,
  field,
  value,
  onChange,
  onBlur,
  disabled,
  invalid,
  describedBy,
}: FieldWidgetProps) {
  const related = useRelatedModel(field);
  if (!related) return <span className="faint">Unknown model {field.relation?.model}</span>;
  return (
    <RecordPicker
      id={id}
      multiple
      modelKey={related.key}
      value={Array.isArray(value) ? (value as RecordRef[]) : []}
      onChange={onChange}
      onBlur={onBlur}
      disabled={disabled}
      invalid={invalid}
      describedBy={describedBy}
      placeholder={`Add ${related.labelPlural.toLowerCase()}…`}
    />
  );
}
