export type { AtriumAppOptions, ErrorLogger } from "./appOptions.js";
export { defaultOptions } from "./appOptions.js";
export { createAtriumApp } from "./createAtriumApp.js";
