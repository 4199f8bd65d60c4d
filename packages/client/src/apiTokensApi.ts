/**
 * API tokens (`/api/tokens`): a signed-in user's own, or (superusers) anyone's. Only a signed-in session may call
 * these; the server refuses a token that tries.
 */

/** A token as lists show it: never the secret. */
export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  /** The token's first characters, to recognise it. */
  prefix: string;
  readOnly: boolean;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiToken {
  name: string;
  /** ISO date-time; required: no token lives forever (at most 366 days ahead). */
  expiresAt: string;
  /** @default false */
  readOnly?: boolean;
  /** Whose token; another user's needs a superuser. @default the signed-in user */
  userId?: string;
}

export interface CreatedApiToken {
  /** The secret, in this answer only: show it once, it cannot be read again. */
  token: string;
  apiToken: ApiToken;
}

export interface ApiTokensApi {
  /** Newest first, revoked ones included. @param userId default: the signed-in user */
  list(userId?: string, signal?: AbortSignal): Promise<ApiToken[]>;
  create(body: NewApiToken): Promise<CreatedApiToken>;
  revoke(id: string): Promise<ApiToken>;
}

type Request = <T>(
  method: string,
  path: string,
  init?: { body?: unknown; signal?: AbortSignal },
) => Promise<T>;

export const apiTokenKeys = {
  all: () => ["atrium", "tokens"] as const,
  of: (userId: string) => ["atrium", "tokens", userId] as const,
};

export function apiTokensApi(request: Request): ApiTokensApi {
  return {
    async list(userId, signal) {
      const query = userId ? `?user=${encodeURIComponent(userId)}` : "";
      return (await request<{ tokens: ApiToken[] }>("GET", `/api/tokens${query}`, { signal })).tokens;
    },
    create: (body) => request("POST", "/api/tokens", { body }),
    revoke: (id) => request("POST", `/api/tokens/${encodeURIComponent(id)}/revoke`, { body: {} }),
  };
}
