import { type ApiToken, apiTokenKeys, describeError, useAdmin } from "@atrium/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Banner } from "../components/Banner.js";
import { Dialog } from "../components/Dialog.js";
import { ErrorState, Skeleton } from "../components/StateViews.js";
import { useToast } from "../components/Toasts.js";
import { formatDateTime } from "../format/formatDate.js";
import { NewApiTokenForm } from "./NewApiTokenForm.js";
import "./tokens.css";

/**
 * A user's API tokens: create one (its secret shown once), see each by name and prefix with its dates, revoke
 * it. On a user's page in the users admin (superusers) and on the signed-in user's own tokens page.
 */
export function ApiTokensPanel({ userId }: { userId: string }) {
  const { api } = useAdmin();
  const headingId = useId();
  const tokens = useQuery({
    queryKey: apiTokenKeys.of(userId),
    queryFn: ({ signal }) => api.tokens.list(userId, signal),
  });
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  return (
    <section className="card form-card api-tokens" aria-labelledby={headingId}>
      <h2 id={headingId}>API tokens</h2>
      <p className="form-help api-tokens-intro">
        Scripts and apps send a token as <code>Authorization: Bearer &lt;token&gt;</code>. It acts as this
        user, with their permissions; a read-only token changes nothing.
      </p>
      {tokens.isError ? (
        <ErrorState error={tokens.error} title="Could not load the API tokens" />
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="API tokens" aria-busy={tokens.isPending}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Status</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.isPending ? (
                <tr>
                  <td colSpan={6}>
                    <Skeleton width="60%" />
                  </td>
                </tr>
              ) : tokens.data.length === 0 ? (
                <tr>
                  <td colSpan={6} className="faint">
                    No API tokens yet.
                  </td>
                </tr>
              ) : (
                tokens.data.map((token) => (
                  <TokenRow key={token.id} token={token} onRevoke={() => setRevoking(token)} />
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      <NewApiTokenForm userId={userId} />
      {revoking && <RevokeDialog token={revoking} onClose={() => setRevoking(null)} />}
    </section>
  );
}

function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke: () => void }) {
  const expired = new Date(token.expiresAt).getTime() <= Date.now();
  return (
    <tr>
      <td className="cell-title api-token-name">
        {token.name}
        {token.readOnly && <span className="badge api-token-badge">Read-only</span>}
      </td>
      <td>
        <code>{token.prefix}…</code>
      </td>
      <td>
        <When iso={token.createdAt} />
      </td>
      <td>
        <When iso={token.expiresAt} />
      </td>
      <td>{token.lastUsedAt ? <When iso={token.lastUsedAt} /> : <span className="faint">Never</span>}</td>
      <td>
        {token.revokedAt ? (
          <span className="badge" title={formatDateTime(token.revokedAt)}>
            Revoked
          </span>
        ) : expired ? (
          <span className="badge">Expired</span>
        ) : (
          <button
            type="button"
            className="button button-small"
            onClick={onRevoke}
            aria-label={`Revoke ${token.name}`}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** The day, so the table fits beside its Revoke buttons; the time shows on hover. */
function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {dayFormat.format(new Date(iso))}
    </time>
  );
}

function RevokeDialog({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const { api } = useAdmin();
  const queryClient = useQueryClient();
  const toast = useToast();
  const revoke = useMutation({
    mutationFn: () => api.tokens.revoke(token.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: apiTokenKeys.of(token.userId) });
      toast(`Token “${token.name}” revoked`);
      onClose();
    },
  });
  return (
    <Dialog
      open
      title={`Revoke “${token.name}”?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
          >
            Revoke token
          </button>
        </>
      }
    >
      {revoke.isError && (
        <Banner>
          <p>{describeError(revoke.error)}</p>
        </Banner>
      )}
      <p>
        Whatever uses <code>{token.prefix}…</code> gets 401 from its next request on. This cannot be undone.
      </p>
    </Dialog>
  );
}
