/**
 * What a failed write means for the user: a lost race (409 with the current record), a related record that
 * does not exist (422 on its field), a delete other records block (409 with what blocks it), a mapped Prisma
 * error, or a `database_error` naming the operation. Inside a caller's transaction the failed statement may
 * have aborted it, so the error is explained from itself alone.
 */
import {
  AtriumError,
  type DeletePreview,
  type IdValues,
  inSentence,
  type ModelMeta,
  type SchemaMeta,
  versionConflict,
  type WriteContext,
  type WriteData,
} from "@atrium/core";
import { type DataOperation, databaseFailure } from "./databaseFailure.js";
import { buildDeletePreview } from "./deletePreview.js";
import { errorFields } from "./errorFields.js";
import { findMissingReferences } from "./findMissingReferences.js";
import { idMatch, uniqueWhere } from "./idWhere.js";
import { isKnownRequestError, isWriteConflict, mapPrismaError, prismaErrorCode } from "./mapPrismaError.js";
import { type Args, getDelegate } from "./prismaClient.js";
import type { SourceScope } from "./sourceScope.js";

/** Prisma codes that can mean "a record this write points at does not exist". */
const missingReferenceCodes = new Set(["P2003", "P2015", "P2018", "P2025"]);
/** Prisma codes of a delete refused by a foreign key. */
const restrictedDeleteCodes = new Set(["P2003", "P2014"]);

type ViewOf = (
  model: ModelMeta,
  context: WriteContext | undefined,
) => { viewSchema: SchemaMeta; viewModel: ModelMeta };

export function writeErrorExplainer(scope: SourceScope, viewOf: ViewOf) {
  const { schema } = scope;

  /**
   * A write made from a `$version` that kept losing deadlocks to other transactions (rerun, see
   * SourceScope.transaction): answered like a stale version, with the record as the others left it, so the user
   * can review and retry. A write without a version is never answered as a conflict.
   */
  const explainWriteConflict = async (
    error: unknown,
    model: ModelMeta,
    id: IdValues,
    context: WriteContext | undefined,
  ) => {
    if (context?.expectedVersion === undefined || scope.inTransaction) return;
    if (!isWriteConflict(error)) return;
    const current = await scope.readRow(scope.client, model, uniqueWhere(model, id)).catch(() => null);
    const { viewSchema, viewModel } = viewOf(model, context);
    if (current) throw versionConflict(viewSchema, viewModel, current);
    throw notFound(model);
  };

  /**
   * Maps what Prisma threw; a failure of the database or Prisma becomes a `database_error` naming the operation,
   * anything else is rethrown for the server to log as a 500. Deletes' values count as read ones: only ids.
   */
  const explain = (error: unknown, model: ModelMeta, operation: DataOperation): never => {
    const values = operation === "create" || operation === "update" ? "write" : "read";
    throw (
      mapPrismaError(error, { schema, model, warn: scope.warn, operation: values }) ??
      databaseFailure(error, operation, model) ??
      error
    );
  };

  const explainWriteError = async (error: unknown, model: ModelMeta, data: WriteData, id?: IdValues) => {
    const code = prismaErrorCode(error);
    const operation = id ? "update" : "create";
    if (code && missingReferenceCodes.has(code) && !scope.inTransaction) {
      const fields = await findMissingReferences(scope.client, schema, model, data);
      if (Object.keys(fields).length > 0) {
        throw new AtriumError("foreign_key_violation", "A related record does not exist; pick another one", {
          fields,
        });
      }
      if (id && (await getDelegate(scope.client, model).count({ where: idMatch(model, id) })) === 0) {
        throw notFound(model);
      }
      // Every record the write names exists and the key is not this model's: the database refused a change
      // Prisma made elsewhere (its emulated cascade against foreign keys the database kept).
      if (code === "P2003" && isKnownRequestError(error) && errorFields(error, model).length === 0) {
        throw databaseFailure(error, operation, model) ?? error;
      }
    }
    return explain(error, model, operation);
  };

  const explainDeleteError = async (
    error: unknown,
    model: ModelMeta,
    where: Args,
    operation: "delete" | "deleteMany",
    context: WriteContext | undefined,
  ) => {
    const code = prismaErrorCode(error);
    if (code && restrictedDeleteCodes.has(code) && !scope.inTransaction) {
      // Its examples are shown to the user: labelled as they see the schema, like the preview they asked for.
      const labelSchema = viewOf(model, context).viewSchema;
      const preview = await buildDeletePreview({ client: scope.client, schema, model, where, labelSchema });
      throw restrictedError(model, preview);
    }
    return explain(error, model, operation);
  };

  return { explainWriteConflict, explainWriteError, explainDeleteError };
}

export function notFound(model: ModelMeta): AtriumError {
  return new AtriumError("not_found", `No ${inSentence(model.label)} has this id; it may have been deleted`);
}

export function restrictedError(model: ModelMeta, preview: DeletePreview): AtriumError {
  const what = preview.blockers.map((group) => `${group.count} ${inSentence(group.label)} (${group.via})`);
  const message =
    what.length > 0
      ? `Cannot delete this ${inSentence(model.label)}: ${what.join(", ")} still refer to it; delete or reassign them first`
      : `Cannot delete this ${inSentence(model.label)}: other records still refer to it`;
  // The whole preview, so the client can show the blockers (and what else the delete would touch).
  return new AtriumError("delete_restricted", message, { details: preview });
}
