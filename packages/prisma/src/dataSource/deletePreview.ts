/**
 * What deleting records would do, read from the metadata's referential actions: which records the database
 * deletes with them (Cascade, followed transitively), which lose their reference (SetNull) and which forbid the
 * delete (Restrict / NoAction). Implicit many-to-many links are removed silently and are not listed.
 *
 * Sets of records are described by nested relation filters (`{ post: { is: { author: { is: { id } } } } }`)
 * rather than by id lists, so counts stay exact and the number of queries does not grow with the rows.
 */
import {
  type DeletePreview,
  type DeletePreviewGroup,
  type ModelMeta,
  modelInView,
  type ReferentialAction,
  recordLabel,
  type SchemaMeta,
} from "@atrium/core";
import { referenceSelect, shapeReference } from "./buildSelect.js";
import { referencesTo } from "./deleteEffects.js";
import { type Args, getDelegate, type QueryClient } from "./prismaClient.js";

export interface DeletePreviewInput {
  client: QueryClient;
  schema: SchemaMeta;
  model: ModelMeta;
  /** The records about to be deleted. */
  where: Args;
  /** How many cascade steps to follow. @default 5 */
  maxDepth?: number;
  /** What examples are labelled with: the asking user's view of the schema (PreviewOptions). @default schema */
  labelSchema?: SchemaMeta;
}

type GroupKind = keyof Omit<DeletePreview, "canDelete">;

interface PendingGroup {
  kind: GroupKind;
  model: ModelMeta;
  via: string;
  wheres: Args[];
}

const exampleCount = 5;

export async function buildDeletePreview(input: DeletePreviewInput): Promise<DeletePreview> {
  const { client, schema } = input;
  const maxDepth = input.maxDepth ?? 5;
  const groups = new Map<string, PendingGroup>();
  let level: { model: ModelMeta; where: Args }[] = [{ model: input.model, where: input.where }];
  for (let depth = 0; depth < maxDepth && level.length > 0; depth++) {
    const next: { model: ModelMeta; where: Args }[] = [];
    for (const target of level) {
      for (const { model, field } of referencesTo(schema, target.model)) {
        const where = { [field.name]: { is: target.where } };
        const count = await getDelegate(client, model).count({ where });
        if (count === 0) continue;
        const kind = groupKind(field.relation?.onDelete);
        const key = `${kind}:${model.name}:${field.name}`;
        const group = groups.get(key) ?? { kind, model, via: field.name, wheres: [] };
        group.wheres.push(where);
        groups.set(key, group);
        if (kind === "cascades") next.push({ model, where });
      }
    }
    level = next;
  }
  const preview: DeletePreview = { cascades: [], setNull: [], blockers: [], canDelete: true };
  const labels = input.labelSchema ?? schema;
  for (const group of groups.values()) {
    preview[group.kind].push(await finishGroup(client, schema, labels, group));
  }
  preview.canDelete = preview.blockers.length === 0;
  return preview;
}

function groupKind(action: ReferentialAction | undefined): GroupKind {
  switch (action) {
    case "Cascade":
      return "cascades";
    case "SetNull":
    case "SetDefault":
      return "setNull";
    default:
      // Restrict, NoAction, and anything unknown: the database refuses while such rows exist.
      return "blockers";
  }
}

async function finishGroup(
  client: QueryClient,
  schema: SchemaMeta,
  labels: SchemaMeta,
  group: PendingGroup,
): Promise<DeletePreviewGroup> {
  const delegate = getDelegate(client, group.model);
  // One record can be reached along several paths; OR-ing them counts it once.
  const where = group.wheres.length === 1 ? (group.wheres[0] ?? {}) : { OR: group.wheres };
  const [count, rows] = await Promise.all([
    delegate.count({ where }),
    delegate.findMany({
      where,
      select: referenceSelect(group.model, schema),
      orderBy: group.model.idFields.map((name) => ({ [name]: "asc" })),
      take: exampleCount,
    }),
  ]);
  return {
    model: group.model.key,
    label: group.model.labelPlural,
    via: group.via,
    count,
    // The same labels as everywhere else in the API, as the user sees them.
    examples: rows.map((row) =>
      recordLabel(modelInView(group.model, labels), shapeReference(group.model, row, schema), labels),
    ),
  };
}
