import { describeError } from "@atrium/client";
import { AlertTriangle, CircleAlert } from "lucide-react";
import type { ReactNode } from "react";

export function Banner({ tone = "danger", children }: { tone?: "danger" | "warning"; children: ReactNode }) {
  const Icon = tone === "danger" ? CircleAlert : AlertTriangle;
  return (
    <div
      className={tone === "warning" ? "banner banner-warning" : "banner"}
      role={tone === "danger" ? "alert" : "status"}
    >
      <Icon size={16} aria-hidden="true" />
      <div>{children}</div>
    </div>
  );
}

/** The server's message, plus field messages that have no input on screen to sit next to. */
export function ErrorBanner({
  error,
  unplacedFields,
}: {
  error: unknown;
  unplacedFields?: Record<string, string>;
}) {
  const extra = Object.entries(unplacedFields ?? {});
  return (
    <Banner>
      <p>{describeError(error)}</p>
      {extra.length > 0 && (
        <ul>
          {extra.map(([name, message]) => (
            <li key={name}>
              <strong>{name}</strong>: {message}
            </li>
          ))}
        </ul>
      )}
    </Banner>
  );
}
