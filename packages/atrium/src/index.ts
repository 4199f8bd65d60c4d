/**
 * `atrium`: what a project imports in its `atrium.config.ts`. The client API for custom pages is
 * `atrium/client`; mounting Atrium in a server of your own is `atrium/server`.
 */

export type { ActionOptions } from "./config/actionOptions.js";
export type {
  AtriumConfig,
  PageConfig,
  SlotConfig,
  SlotName,
  WidgetConfig,
} from "./config/defineConfig.js";
export { defineConfig } from "./config/defineConfig.js";
export type { AtriumRegister, FieldKey, FieldName, ModelName } from "./config/registeredSchema.js";
export type { FieldMaker, FieldMakerContext, SeedConfig, SeedModelPlan } from "./config/seedPlan.js";
