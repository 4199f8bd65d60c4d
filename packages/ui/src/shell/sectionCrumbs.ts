/** A step of the breadcrumb trail; the last one, and any without `to`, is not a link. */
export interface Crumb {
  label: string;
  to?: string;
}

const users: Crumb = { label: "Admin users", to: "/admin/users" };
const roles: Crumb = { label: "Admin roles", to: "/admin/roles" };

/** The admin's own pages, outside the models and the project's pages: the trail after "Overview". */
const sections: [RegExp, Crumb[]][] = [
  [/^\/history$/, [{ label: "History" }]],
  [/^\/api-reference$/, [{ label: "API" }]],
  [/^\/account\/tokens$/, [{ label: "API tokens" }]],
  [/^\/admin\/users$/, [users]],
  [/^\/admin\/users\/new$/, [users, { label: "New user" }]],
  [/^\/admin\/users\/[^/]+$/, [users, { label: "Edit user" }]],
  [/^\/admin\/roles$/, [roles]],
  [/^\/admin\/roles\/new$/, [roles, { label: "New role" }]],
  [/^\/admin\/roles\/[^/]+$/, [roles, { label: "Edit role" }]],
];

export function sectionCrumbs(pathname: string): Crumb[] {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return sections.find(([pattern]) => pattern.test(path))?.[1] ?? [];
}
