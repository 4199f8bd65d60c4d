import { useAdmin } from "@atrium/client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, LogOut } from "lucide-react";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import "./auth.css";

/** The signed-in user's email, their API tokens and a Sign out button, in the shell's header. */
export function UserMenu() {
  const { api } = useAdmin();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
  const me = useQuery({ queryKey: ["atrium", "auth", "me"], queryFn: ({ signal }) => api.me(signal) });
  const email = me.data?.user.email;

  async function signOut() {
    setLeaving(true);
    try {
      await api.logout();
    } finally {
      queryClient.clear();
      navigate("/login", { replace: true });
    }
  }

  return (
    <div className="user-menu">
      {email && (
        <span className="user-email" title={email}>
          {email}
        </span>
      )}
      {/* On a phone only the icon shows; the accessible name stays. */}
      <Link to="/account/tokens" className="button button-ghost button-small" aria-label="API tokens">
        <KeyRound size={14} aria-hidden="true" />
        <span className="user-menu-label">API tokens</span>
      </Link>
      <button type="button" className="button button-ghost button-small" onClick={signOut} disabled={leaving}>
        <LogOut size={14} aria-hidden="true" />
        Sign out
      </button>
    </div>
  );
}
