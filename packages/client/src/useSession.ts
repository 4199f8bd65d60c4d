import { useQuery } from "@tanstack/react-query";
import { useAdmin } from "./AdminProvider.js";

/** The signed-in user (`GET /api/auth/me`), shared with the user menu through the same query key. */
export function useSession() {
  const { api } = useAdmin();
  return useQuery({ queryKey: ["atrium", "auth", "me"], queryFn: ({ signal }) => api.me(signal) });
}

/** Query keys of the users and roles pages; every change there refreshes the whole branch. */
export const adminUserKeys = {
  all: () => ["atrium", "admin"] as const,
  users: () => ["atrium", "admin", "users"] as const,
  user: (id: string) => ["atrium", "admin", "users", id] as const,
  roles: () => ["atrium", "admin", "roles"] as const,
  role: (id: string) => ["atrium", "admin", "roles", id] as const,
  permissions: () => ["atrium", "admin", "permissions"] as const,
};
