import { type AdminApi, AdminProvider, createAdminApi, type Registry, readBasePath } from "@atrium/client";
import type { QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { adminRoutes } from "./adminRoutes.js";
import { loginPath, pathBelowBase } from "./auth/safeNextPath.js";
import { ToastProvider } from "./components/Toasts.js";
import "./styles/styles.css";

export interface AdminAppProps {
  registry: Registry;
  /** @default createAdminApi() against the same origin */
  api?: AdminApi;
  /**
   * URL prefix the admin is served under, e.g. "/admin"; also the prefix of the default API client's requests.
   * @default the server's `<meta name="atrium-base-path">` (set by `mountAtrium`), else "/"
   */
  basename?: string;
  queryClient?: QueryClient;
}

/** The whole admin: providers, router and the default views. */
export function AdminApp({ registry, api, basename, queryClient }: AdminAppProps) {
  const [basePath] = useState(() => (basename ?? readBasePath()).replace(/\/+$/, ""));
  const [router] = useState(() => createBrowserRouter(adminRoutes(), { basename: basePath || "/" }));
  // Any 401 (no session, or it expired) goes to the login page, which brings the user back afterwards.
  const [ownApi] = useState(
    () =>
      api ??
      createAdminApi({
        baseUrl: basePath,
        onUnauthorized: () => {
          const { pathname, search } = router.state.location;
          const path = pathBelowBase(pathname, basePath);
          if (path !== "/login") void router.navigate(loginPath(`${path}${search}`), { replace: true });
        },
      }),
  );
  return (
    <AdminProvider api={ownApi} registry={registry} queryClient={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </AdminProvider>
  );
}
