import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { ApiError } from "./ApiError.js";
import type { AdminApi } from "./createAdminApi.js";
import { type AdminQueries, createQueries } from "./queries.js";
import type { Registry } from "./registry.js";

export interface AdminContextValue {
  api: AdminApi;
  registry: Registry;
  queries: AdminQueries;
}

const AdminContext = createContext<AdminContextValue | null>(null);

export interface AdminProviderProps {
  api: AdminApi;
  registry: Registry;
  /** @default a new QueryClient that does not retry client errors (4xx) */
  queryClient?: QueryClient;
  children: ReactNode;
}

function defaultQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 404 or 422 will not change by asking again; network and 5xx errors might.
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function AdminProvider({ api, registry, queryClient, children }: AdminProviderProps) {
  const [ownClient] = useState(() => queryClient ?? defaultQueryClient());
  const value = useMemo<AdminContextValue>(
    () => ({ api, registry, queries: createQueries(api) }),
    [api, registry],
  );
  return (
    <QueryClientProvider client={ownClient}>
      <AdminContext.Provider value={value}>{children}</AdminContext.Provider>
    </QueryClientProvider>
  );
}

export function useAdmin(): AdminContextValue {
  const value = useContext(AdminContext);
  if (!value) {
    throw new Error("useAdmin() called outside <AdminProvider>; render your page through the admin registry");
  }
  return value;
}
