export {
  type FieldMaker,
  type FieldMakerContext,
  type FieldMakers,
  makerValue,
  unmakeableReason,
} from "./fieldMakers.js";
export {
  defaultBatchSize,
  defaultReferenceDate,
  type GeneratedCount,
  type GenerateOptions,
  type GenerateProgress,
  type GenerateResult,
  generateRecords,
} from "./generateRecords.js";
export { cannotGenerate, type GenerationStep, orderForAll, planGeneration } from "./planGeneration.js";
export { type PreviewOptions, previewRecords } from "./previewRecords.js";
