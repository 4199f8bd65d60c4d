import { Menu } from "lucide-react";
import { Suspense, useEffect, useId, useState } from "react";
import { Outlet, ScrollRestoration, useLocation } from "react-router";
import { UserMenu } from "../auth/UserMenu.js";
import { Skeleton } from "../components/StateViews.js";
import { Breadcrumbs } from "./Breadcrumbs.js";
import { Sidebar } from "./Sidebar.js";

function PageFallback() {
  return (
    <div
      style={{ display: "grid", gap: 14, maxWidth: 480 }}
      role="status"
      aria-busy="true"
      aria-label="Loading page"
    >
      <Skeleton width="40%" height={22} />
      <Skeleton />
      <Skeleton width="80%" />
    </div>
  );
}

/** Sidebar, header and the current page; on phones the sidebar slides in from a menu button. */
export function Shell() {
  const [menuOpen, setMenuOpen] = useState(false);
  const sidebarId = useId();
  const { pathname } = useLocation();
  useEffect(() => {
    if (pathname) setMenuOpen(false);
  }, [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") setMenuOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [menuOpen]);
  return (
    <div className="shell" data-menu-open={menuOpen}>
      <Sidebar id={sidebarId} />
      <div className="backdrop" onClick={() => setMenuOpen(false)} aria-hidden="true" />
      <div className="main">
        <header className="header">
          <button
            type="button"
            className="button button-ghost icon-button menu-button"
            aria-label="Open menu"
            aria-expanded={menuOpen}
            aria-controls={sidebarId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <Menu size={18} aria-hidden="true" />
          </button>
          <Breadcrumbs />
          <UserMenu />
        </header>
        <main className="content" id="main">
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      {/* New pages start at the top; back/forward returns to where the user was. */}
      <ScrollRestoration />
    </div>
  );
}
