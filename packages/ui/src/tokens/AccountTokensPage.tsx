import { useSession } from "@atrium/client";
import { PageHeader, Skeleton } from "../components/StateViews.js";
import { ApiTokensPanel } from "./ApiTokensPanel.js";

/** `/account/tokens`: every signed-in user manages their own API tokens here, superuser or not. */
export function AccountTokensPage() {
  const me = useSession().data?.user;
  return (
    <>
      <PageHeader title="Your API tokens" description={me?.email ?? "Account"} />
      {me ? <ApiTokensPanel userId={me.id} /> : <Skeleton width="30%" height={22} />}
    </>
  );
}
