import { isApiError, useAdmin } from "@atrium/client";
import { useQueryClient } from "@tanstack/react-query";
import { LogIn, Sparkles } from "lucide-react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { safeNextPath } from "./safeNextPath.js";
import "./auth.css";

/** `/login`: email and password; on success, back to `?next=` when it is a path on this site. */
export function LoginPage() {
  const { api } = useAdmin();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    document.title = "Sign in · Atrium";
    emailRef.current?.focus();
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.login(email, password);
      // Whatever was cached belonged to nobody (or to the previous user).
      queryClient.clear();
      navigate(safeNextPath(params.get("next")), { replace: true });
    } catch (caught) {
      setPassword("");
      if (isApiError(caught) && caught.code === "too_many_requests") setError(caught.message);
      else if (isApiError(caught) && caught.status === 401) setError("The email or password is incorrect.");
      else if (isApiError(caught) && caught.code === "validation_failed") setError(caught.message);
      else setError("Could not sign in; check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-screen">
      <main className="login-card card">
        <div className="login-brand">
          <span className="brand-mark">
            <Sparkles size={14} aria-hidden="true" />
          </span>
          Atrium
        </div>
        <h1 className="login-title">Sign in</h1>
        <p className="login-lead">Use the account an administrator created for you.</p>
        <form className="login-form" onSubmit={onSubmit} noValidate>
          <label className="form-label" htmlFor="login-email">
            Email
          </label>
          <input
            ref={emailRef}
            id="login-email"
            className="input"
            type="email"
            autoComplete="username"
            required
            value={email}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
          <label className="form-label" htmlFor="login-password">
            Password
          </label>
          <input
            id="login-password"
            className="input"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => setPassword(event.target.value)}
          />
          {error && (
            <p className="login-error" id={errorId} role="alert">
              {error}
            </p>
          )}
          <button
            type="submit"
            className="button button-primary login-submit"
            disabled={busy || email.trim() === "" || password === ""}
          >
            <LogIn size={16} aria-hidden="true" />
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      </main>
    </div>
  );
}
