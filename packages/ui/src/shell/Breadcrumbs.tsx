import { useAdmin, useModel, useRecord } from "@atrium/client";
import { inSentence } from "@atrium/core";
import { useEffect } from "react";
import { Link, useLocation, useParams } from "react-router";
import { type Crumb, sectionCrumbs } from "./sectionCrumbs.js";

/** Derived from the route, so every page gets a trail (and a document title) without wiring its own. */
export function Breadcrumbs() {
  const { modelKey, id, pageKey } = useParams();
  const { pathname } = useLocation();
  const { registry } = useAdmin();
  const { model } = useModel(modelKey);
  const record = useRecord(modelKey, id);
  const crumbs: Crumb[] = [{ label: "Overview", to: "/" }];
  if (modelKey) {
    crumbs.push({ label: model?.labelPlural ?? modelKey, to: `/m/${modelKey}` });
    if (id) {
      crumbs.push({
        label: record.data?.$label ?? (record.isPending ? "…" : id),
        to: `/m/${modelKey}/${encodeURIComponent(id)}`,
      });
      if (pathname.endsWith("/edit")) crumbs.push({ label: "Edit" });
      else if (pathname.endsWith("/history")) crumbs.push({ label: "History" });
    } else if (pathname.endsWith("/new")) {
      crumbs.push({ label: `New ${model ? inSentence(model.label) : "record"}` });
    }
  } else if (pageKey) {
    crumbs.push({ label: registry.page(pageKey)?.title ?? pageKey });
  } else {
    crumbs.push(...sectionCrumbs(pathname));
  }
  const last = crumbs[crumbs.length - 1];
  useEffect(() => {
    document.title = crumbs.length > 1 && last ? `${last.label} · Atrium` : "Atrium";
  });
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.to ?? crumb.label}>
            {index === crumbs.length - 1 || !crumb.to ? (
              <span aria-current="page">{crumb.label}</span>
            ) : (
              <Link to={crumb.to}>{crumb.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
