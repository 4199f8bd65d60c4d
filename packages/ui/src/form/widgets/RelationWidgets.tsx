import { type FieldWidgetProps, type RecordRef, useRelatedModel } from "@atrium/client";
import { inSentence } from "@atrium/core";
import { RecordPicker } from "../../components/RecordPicker.js";
import { inputProps } from "./inputProps.js";

function refOf(value: unknown): RecordRef | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as RecordRef) : null;
}

/** To-one relation: an async autocomplete over the related model's lookup endpoint. */
export function RelationInput(props: FieldWidgetProps) {
  const { id, field, value, onChange, onBlur, disabled, invalid, describedBy } = props;
  const related = useRelatedModel(field);
  if (!related) return <RelationIdInput {...props} />;
  const ref = refOf(value);
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
      placeholder={`Search ${inSentence(related.labelPlural)}…`}
    />
  );
}

/**
 * A to-one relation into a model the user may not view (it is not in their metadata): there is nothing to pick
 * from and no label to show, so the related record is named by its id, which they may type.
 */
function RelationIdInput(props: FieldWidgetProps) {
  const { id, field, value, onChange } = props;
  const noteId = `${id}-not-visible`;
  const describedBy = [props.describedBy, noteId].filter(Boolean).join(" ");
  return (
    <>
      <input
        {...inputProps(props)}
        aria-describedby={describedBy}
        className="input"
        type="text"
        required={field.isRequired}
        value={refOf(value)?.$id ?? ""}
        onChange={(event) => {
          const text = event.target.value;
          onChange(text === "" ? null : { $id: text, $label: text });
        }}
      />
      <span id={noteId} className="faint">
        {field.label} records are not visible to you: enter the id of one.
      </span>
    </>
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
  // Its members cannot be listed for this user, so the set is left as it is (an unchanged field is not sent).
  if (!related) return <span className="faint">{field.label}: not visible to you</span>;
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
      placeholder={`Add ${inSentence(related.labelPlural)}…`}
    />
  );
}
