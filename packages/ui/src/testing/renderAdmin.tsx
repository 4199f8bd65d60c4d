/** Renders admin views the way AdminApp does, against an API double, for component tests. */
import { type AdminApi, AdminProvider, createRegistry, type Registry } from "@atrium/client";
import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { ToastProvider } from "../components/Toasts.js";

/**
 * An AdminApi whose methods are the ones given; any other call fails the test with the method's name, so a
 * view that starts asking for more is noticed.
 */
export function apiDouble(methods: Partial<AdminApi>): AdminApi {
  return new Proxy(methods as AdminApi, {
    get(target, name) {
      const method = target[name as keyof AdminApi];
      if (method !== undefined) return method;
      if (name === "then") return undefined;
      return () => {
        throw new Error(`Unexpected API call in this test: api.${String(name)}()`);
      };
    },
  });
}

export interface RenderAdminOptions {
  api: AdminApi;
  /** @default an empty registry */
  registry?: Registry;
  /** The route pattern `element` is mounted at. @default "*" */
  path?: string;
  /** @default "/" */
  url?: string;
}

/** Mounts `element` inside the admin's providers and a memory data router (forms need its blocker). */
export function renderAdmin(element: ReactElement, options: RenderAdminOptions) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: options.path ?? "*", element }], {
    initialEntries: [options.url ?? "/"],
  });
  return render(
    <AdminProvider
      api={options.api}
      registry={options.registry ?? createRegistry()}
      queryClient={queryClient}
    >
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </AdminProvider>,
  );
}
