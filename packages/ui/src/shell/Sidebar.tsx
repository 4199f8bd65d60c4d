import { useAdmin, useMeta, usePageAccess, useSession } from "@atrium/client";
import {
  Braces,
  Database,
  FileText,
  History,
  LayoutGrid,
  Search,
  ShieldCheck,
  Sparkles,
  Users,
} from "lucide-react";
import { useState } from "react";
import { NavLink, useNavigate } from "react-router";
import { Skeleton } from "../components/StateViews.js";
import { ThemeSwitch } from "./ThemeSwitch.js";

/** Every model and custom page; typing narrows the list (fast on schemas with hundreds of models). */
export function Sidebar({ id }: { id: string }) {
  const { registry } = useAdmin();
  const meta = useMeta();
  const isSuperuser = useSession().data?.user.isSuperuser === true;
  const pageAccess = usePageAccess();
  const [filter, setFilter] = useState("");
  const navigate = useNavigate();
  const needle = filter.trim().toLowerCase();
  const models = (meta.data?.models ?? []).filter(
    (model) =>
      !needle ||
      model.labelPlural.toLowerCase().includes(needle) ||
      model.name.toLowerCase().includes(needle),
  );
  const pages = registry
    .pages()
    .filter((page) => !pageAccess.pending && pageAccess.canView(page))
    .filter((page) => !needle || page.title.toLowerCase().includes(needle));
  return (
    <aside className="sidebar" id={id}>
      <NavLink to="/" className="sidebar-brand" end>
        <span className="brand-mark">
          <Sparkles size={14} aria-hidden="true" />
        </span>
        Atrium
      </NavLink>
      <div className="input-with-icon">
        <Search size={14} aria-hidden="true" />
        <input
          className="input"
          type="search"
          placeholder="Filter models"
          aria-label="Filter models"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={(event) => {
            // Enter jumps to the first match: type a few letters, press Enter, done.
            const first = models[0];
            if (event.key === "Enter" && needle && first) {
              navigate(`/m/${first.key}`);
              setFilter("");
            }
          }}
        />
      </div>
      <nav className="sidebar-nav" aria-label="Models">
        <ul className="nav-list">
          <li>
            <NavLink to="/" end className="nav-link">
              <LayoutGrid size={15} aria-hidden="true" />
              Overview
            </NavLink>
          </li>
        </ul>
        {pages.length > 0 && (
          <>
            <h2 className="nav-section-title">Pages</h2>
            <ul className="nav-list">
              {pages.map(({ key, title, icon: Icon = FileText }) => (
                <li key={key}>
                  <NavLink to={`/pages/${key}`} className="nav-link">
                    <Icon size={15} aria-hidden="true" />
                    {title}
                  </NavLink>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2 className="nav-section-title">Activity</h2>
        <ul className="nav-list">
          <li>
            <NavLink to="/history" className="nav-link">
              <History size={15} aria-hidden="true" />
              History
            </NavLink>
          </li>
          <li>
            <NavLink to="/api-reference" className="nav-link">
              <Braces size={15} aria-hidden="true" />
              API
            </NavLink>
          </li>
        </ul>
        {isSuperuser && (
          <>
            {/* Atrium's own accounts, named apart from a schema's own `User` model listed under Models. */}
            <h2 className="nav-section-title">Administration</h2>
            <ul className="nav-list">
              <li>
                <NavLink to="/admin/users" className="nav-link">
                  <Users size={15} aria-hidden="true" />
                  Admin users
                </NavLink>
              </li>
              <li>
                <NavLink to="/admin/roles" className="nav-link">
                  <ShieldCheck size={15} aria-hidden="true" />
                  Admin roles
                </NavLink>
              </li>
            </ul>
          </>
        )}
        <h2 className="nav-section-title">Models</h2>
        {meta.isPending ? (
          <div style={{ display: "grid", gap: 10, padding: 8 }}>
            <Skeleton width="70%" />
            <Skeleton width="55%" />
            <Skeleton width="62%" />
          </div>
        ) : meta.isError ? (
          <p className="nav-empty">Models unavailable</p>
        ) : (
          <ul className="nav-list">
            {models.map((model) => (
              <li key={model.key}>
                <NavLink to={`/m/${model.key}`} className="nav-link">
                  <Database size={15} aria-hidden="true" />
                  {model.labelPlural}
                </NavLink>
              </li>
            ))}
            {models.length === 0 && <li className="nav-empty">No model matches “{filter}”</li>}
          </ul>
        )}
      </nav>
      <div className="sidebar-footer">
        <span className="faint" style={{ fontSize: 12 }}>
          Appearance
        </span>
        <ThemeSwitch />
      </div>
    </aside>
  );
}
