/**
 * `atrium/client`: what a project's pages, widgets and slots import. Everything here shares the admin's
 * session, router and query cache.
 */
export * from "@atrium/client";
export * from "@atrium/ui";
