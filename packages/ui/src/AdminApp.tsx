import { type AdminApi, AdminProvider, createAdminApi, type Registry } from "@atrium/client";
import type { QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { adminRoutes } from "./adminRoutes.js";
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
  const [ownApi] = useState(() => api ?? createAdminApi());
  const [router] = useState(() => createBrowserRouter(adminRoutes(), { basename }));
  return (
    <AdminProvider api={ownApi} registry={registry} queryClient={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </AdminProvider>
  );
}
