declare module "virtual:atrium/extensions" {
  import type { Registry } from "@atrium/client";
  /** Registers the pages, widgets and slots the project's config names. */
  export function registerExtensions(registry: Registry): void;
}
