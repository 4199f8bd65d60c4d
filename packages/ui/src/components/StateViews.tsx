import { describeError, isApiError } from "@atrium/client";
import { CircleAlert, Inbox, SearchX } from "lucide-react";
import type { ReactNode } from "react";

/** Shown instead of an empty table: an icon, `title`, and ways forward as children (`filtered` for "no matches"). */
export function EmptyState({
  title,
  children,
  filtered = false,
}: {
  title: string;
  children?: ReactNode;
  filtered?: boolean;
}) {
  const Icon = filtered ? SearchX : Inbox;
  return (
    <div className="state">
      <Icon size={32} aria-hidden="true" />
      <h2>{title}</h2>
      {children}
    </div>
  );
}

function hint(error: unknown): string {
  if (!isApiError(error)) return "Something unexpected happened in the browser.";
  if (error.code === "network_error") return "The admin API did not answer. Is the server running?";
  if (error.status === 404) return "It may have been deleted, or the link is wrong.";
  if (error.status === 401 || error.status === 403) return "You may need to sign in again.";
  if (error.status >= 500) return "The server failed; its log has the details.";
  return `The server refused the request (${error.code}).`;
}

/** Says what happened and offers a retry, instead of an empty table. */
export function ErrorState({
  error,
  title = "Could not load this",
  onRetry,
  children,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /** Further ways out, shown beside "Try again". */
  children?: ReactNode;
}) {
  return (
    <div className="state state-error" role="alert">
      <CircleAlert size={32} aria-hidden="true" />
      <h2>{title}</h2>
      <p>{describeError(error)}</p>
      <p className="faint">{hint(error)}</p>
      <div className="inline-row">
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        )}
        {children}
      </div>
    </div>
  );
}

/** A grey placeholder bar while content loads; hidden from assistive technology. */
export function Skeleton({ width = "100%", height = 12 }: { width?: number | string; height?: number }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}

/** A page's `<h1>` title, a description line under it, and its actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {description && <p className="page-description">{description}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
