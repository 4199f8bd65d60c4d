import { apiTokenKeys, type CreatedApiToken, describeError, useAdmin } from "@atrium/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Copy, KeyRound } from "lucide-react";
import { useId, useState } from "react";
import { Banner } from "../components/Banner.js";
import { useToast } from "../components/Toasts.js";
import { AdminField, fieldErrorsOf } from "../users/AdminField.js";
import { type ExpiryChoice, expiryChoices, expiryOf } from "./expiryChoice.js";

/** Creates a token for `userId` and shows its secret once, with a copy button; it is never shown again. */
export function NewApiTokenForm({ userId }: { userId: string }) {
  const { api } = useAdmin();
  const queryClient = useQueryClient();
  const idPrefix = useId();
  const [name, setName] = useState("");
  const [choice, setChoice] = useState<ExpiryChoice>("");
  const [date, setDate] = useState("");
  const [readOnly, setReadOnly] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const create = useMutation({
    mutationFn: () => {
      // Nothing chosen is sent as "", which the server refuses naming expiresAt, beside any other bad field.
      return api.tokens.create({ userId, name, readOnly, expiresAt: expiryOf(choice, date) ?? "" });
    },
    onSuccess: (answer) => {
      setCreated(answer);
      setName("");
      setChoice("");
      setDate("");
      setReadOnly(false);
      void queryClient.invalidateQueries({ queryKey: apiTokenKeys.of(userId) });
    },
  });
  const errors = fieldErrorsOf(create.error);
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <>
      {created && <ShownOnce created={created} onDone={() => setCreated(null)} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
        noValidate
        aria-label="New API token"
      >
        {create.isError && Object.keys(errors).length === 0 && (
          <Banner>
            <p>{describeError(create.error)}</p>
          </Banner>
        )}
        <div className="form-grid">
          <AdminField
            id={id("name")}
            label="Token name"
            error={errors.name}
            help="What will use it, e.g. “nightly export”."
          >
            <input
              id={id("name")}
              className="input"
              autoComplete="off"
              value={name}
              aria-invalid={Boolean(errors.name)}
              onChange={(event) => setName(event.target.value)}
            />
          </AdminField>
          <AdminField
            id={id("expiry")}
            label="Expires in"
            error={errors.expiresAt}
            help="Every token expires; create a new one when it does."
          >
            <select
              id={id("expiry")}
              className="input"
              value={choice}
              aria-invalid={Boolean(errors.expiresAt)}
              onChange={(event) => setChoice(event.target.value as ExpiryChoice)}
            >
              <option value="">Choose…</option>
              {expiryChoices.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </AdminField>
          {choice === "date" && (
            <AdminField id={id("date")} label="Expiry date" error={errors.expiresAt}>
              <input
                id={id("date")}
                className="input"
                type="date"
                value={date}
                onChange={(event) => setDate(event.target.value)}
              />
            </AdminField>
          )}
          <AdminField
            id={id("readOnly")}
            label="Read-only"
            error={errors.readOnly}
            help="A read-only token may read whatever its user may read, and change nothing."
          >
            <input
              id={id("readOnly")}
              className="checkbox"
              type="checkbox"
              checked={readOnly}
              onChange={(event) => setReadOnly(event.target.checked)}
            />
          </AdminField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.isPending}>
            <KeyRound size={14} aria-hidden="true" />
            Create token
          </button>
        </div>
      </form>
    </>
  );
}

function ShownOnce({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const toast = useToast();
  const labelId = useId();
  return (
    <section className="token-secret" aria-labelledby={labelId}>
      <h3 id={labelId}>Copy the token “{created.apiToken.name}” now</h3>
      <p>
        It is shown only this once; Atrium keeps only a fingerprint of it. Send it as
        <code> Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <div className="token-secret-row">
        <input
          className="input token-secret-value"
          aria-label="New API token"
          readOnly
          value={created.token}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(created.token);
              toast("Token copied");
            } catch {
              toast("Could not copy: select the token and copy it by hand");
            }
          }}
        >
          <Copy size={14} aria-hidden="true" />
          Copy
        </button>
        <button type="button" className="button button-ghost" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
