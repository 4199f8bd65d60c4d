import { type AdminApi, AdminProvider, createAdminApi, type Registry } from "@atrium/client";
import type { QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { adminRoutes } from "./adminRoutes.js";
import { loginPath } from "./auth/safeNextPath.js";
import { ToastProvider } from "./components/Toasts.js";
import "./styles/styles.css";

export interface AdminAppProps {
  registry: Registry;
  /** @default createAdminApi() against the same origin */
  api?: AdminApi;
  /** URL prefix the admin is served under, e.g. "/admin". @default "/" */
  basename?: string;
  queryClient?: QueryClient;
}

/** The whole admin: providers, router and the default views. */
export function AdminApp({ registry, api, basename, queryClient }: AdminAppProps) {
  const [router] = useState(() => createBrowserRouter(adminRoutes(), { basename }));
  // Any 401 (no session, or it expired) goes to the login page, which brings the user back afterwards.
  const [ownApi] = useState(
    () =>
      api ??
      createAdminApi({
        onUnauthorized: () => {
          const { pathname, search } = router.state.location;
          if (pathname !== "/login")
            void router.navigate(loginPath(`${pathname}${search}`), { replace: true });
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
