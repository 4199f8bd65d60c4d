/**
 * `atrium/client`: what a project's pages, widgets and slots import. The hooks share the admin's session,
 * router and query cache; the components are the ones the generated pages are made of.
 */
export * from "@atrium/client";
export * from "@atrium/ui";
/** Links and navigation inside the admin (its router, under the path it is served at). */
export { Link, NavLink, useNavigate, useParams, useSearchParams } from "react-router";
