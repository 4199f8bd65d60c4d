/**
 * Prisma errors -> AtriumError. Prisma's own text (SQL, table names, invocation excerpts) never reaches the
 * client: messages are written here from the metadata.
 *
 * Errors are recognised by name and code, not `instanceof`: the user's generated client may load its own copy
 * of Prisma's runtime.
 */
import {
  AtriumError,
  type FieldErrors,
  type FieldMeta,
  inSentence,
  type ModelMeta,
  type SchemaMeta,
} from "@atrium/core";
import { findModel } from "./buildSelect.js";
import { adapterCause, errorFields, type KnownRequestError } from "./errorFields.js";

export interface PrismaErrorContext {
  schema: SchemaMeta;
  /** The model the failed operation was about. */
  model: ModelMeta;
  /** Called for errors that mean Atrium itself built a bad query (they should never happen). */
  warn: (message: string, error: unknown) => void;
  /** Whether the failed operation only read (values came from the id and filters) or wrote a body. @default "write" */
  operation?: "read" | "write";
}

export function isKnownRequestError(error: unknown): error is KnownRequestError {
  return (
    error instanceof Error &&
    error.name === "PrismaClientKnownRequestError" &&
    typeof (error as Partial<KnownRequestError>).code === "string"
  );
}

/**
 * Whether the database rolled the transaction back to settle a clash with another one (PostgreSQL 40001 and
 * 40P01, MySQL's deadlock 1213): Prisma's P2034, or, when a raw statement (lockRows.ts) was the one refused, a
 * P2010 whose adapter error says so.
 */
export function isWriteConflict(error: unknown): boolean {
  if (!isKnownRequestError(error)) return false;
  return error.code === "P2034" || adapterCause(error)?.kind === "TransactionWriteConflict";
}

export function prismaErrorCode(error: unknown): string | undefined {
  return isKnownRequestError(error) ? error.code : undefined;
}

/** The AtriumError for a Prisma error, or undefined when it is not one we can explain (rethrow it). */
export function mapPrismaError(error: unknown, context: PrismaErrorContext): AtriumError | undefined {
  if (error instanceof AtriumError) return error;
  if (error instanceof Error && error.name === "PrismaClientValidationError") {
    context.warn("Prisma rejected a query Atrium built; the write decoding missed a case", error);
    return new AtriumError("validation_failed", "Some values are not valid for this record");
  }
  if (!isKnownRequestError(error)) return undefined;
  const model = modelOf(error, context);
  const fields = errorFields(error, model);
  switch (error.code) {
    case "P2002":
      return uniqueViolation(model, fields);
    case "P2003":
      return foreignKeyViolation(model, fields);
    case "P2025":
      return new AtriumError(
        "not_found",
        `No ${inSentence(model.label)} has this id; it may have been deleted`,
      );
    // The database refused a value (LengthMismatch, InvalidInputValue, ValueOutOfRange from driver adapters;
    // P2006/P2019 from older paths). Core's decoding should have caught it; this keeps it a client error.
    case "P2000":
      return invalidInput(model, fields, "This value is too long for this field", context);
    case "P2006":
    case "P2007":
    case "P2019":
      return invalidInput(model, fields, "This value is not valid for this field", context);
    case "P2020":
      return invalidInput(model, fields, "This value is out of range for this field", context);
    case "P2011":
      return nullViolation(model, fields);
    case "P2014":
      return new AtriumError(
        "delete_restricted",
        `This change would leave a required ${relationLabel(error, context.schema)}relation empty; change the other record first`,
      );
    default:
      return undefined;
  }
}

function uniqueViolation(model: ModelMeta, fields: FieldMeta[]): AtriumError {
  const what = fields.length > 0 ? fields.map((field) => inSentence(field.label)).join(" and ") : "values";
  const message = `Another ${inSentence(model.label)} already has ${fields.length > 0 ? "this" : "these"} ${what}`;
  return new AtriumError("unique_violation", message, fieldErrors(fields, message));
}

export function foreignKeyViolation(model: ModelMeta, fields: FieldMeta[]): AtriumError {
  const message = "The related record does not exist; pick another one";
  // Report the relation field too: forms edit relations through it rather than through the raw key.
  const relationFields = model.fields.filter((field) =>
    field.relation?.fromFields.some((from) => fields.some((key) => key.name === from)),
  );
  return new AtriumError(
    "foreign_key_violation",
    message,
    fieldErrors([...fields, ...relationFields], message),
  );
}

/** A refused value: in a read it came from the id or the filters (400), in a write from the body (422). */
function invalidInput(
  model: ModelMeta,
  fields: FieldMeta[],
  message: string,
  context: PrismaErrorContext,
): AtriumError {
  if (context.operation !== "read") return fieldError(model, fields, message);
  return new AtriumError(
    "bad_request",
    `A value in this request is not valid for ${inSentence(model.labelPlural)}; check the id and the filters`,
  );
}

/**
 * A NOT NULL column left empty. The forms require what the schema requires, so this is a column the schema
 * calls optional, or one whose default it says the database computes (`dbgenerated`) while the table has none.
 */
function nullViolation(model: ModelMeta, fields: FieldMeta[]): AtriumError {
  if (fields.length === 0) return fieldError(model, fields, "");
  const messages = Object.fromEntries(
    fields.map((field) => [
      field.name,
      field.default?.kind === "dbgenerated"
        ? "The database has no default for this field, although the schema says it computes one; give a value"
        : "The database requires a value for this field",
    ]),
  );
  const names = fields.map((field) => inSentence(field.label)).join(" and ");
  return new AtriumError("validation_failed", `The database needs a value for ${names}`, {
    fields: messages,
  });
}

function fieldError(model: ModelMeta, fields: FieldMeta[], message: string): AtriumError {
  const text = fields.length > 0 ? message : `A value is not valid for this ${inSentence(model.label)}`;
  return new AtriumError("validation_failed", text, fieldErrors(fields, message));
}

function fieldErrors(fields: FieldMeta[], message: string): { fields?: FieldErrors } {
  if (fields.length === 0) return {};
  return { fields: Object.fromEntries(fields.map((field) => [field.name, message])) };
}

function modelOf(error: KnownRequestError, context: PrismaErrorContext): ModelMeta {
  const name = error.meta?.modelName;
  return (typeof name === "string" && findModel(context.schema, name)) || context.model;
}

/** "Profile – Owner " from the models' labels, or nothing. */
function relationLabel(error: KnownRequestError, schema: SchemaMeta): string {
  const labels = [error.meta?.model_a_name, error.meta?.model_b_name].map((name) =>
    typeof name === "string" ? findModel(schema, name)?.label : undefined,
  );
  // The models' labels as they read in the sentence.
  if (labels.every(Boolean)) return `${labels.map((label) => inSentence(label ?? "")).join(" – ")} `;
  return "";
}
