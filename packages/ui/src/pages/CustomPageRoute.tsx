import { useAdmin, usePageAccess } from "@atrium/client";
import { useParams } from "react-router";
import { NoPermission } from "../auth/NoPermission.js";
import { Skeleton } from "../components/StateViews.js";
import { NotFoundPage } from "./NotFoundPage.js";

/** Renders a page from the registry inside the shell, so it shares navigation, theme and API context. */
export function CustomPageRoute() {
  const { pageKey = "" } = useParams();
  const { registry } = useAdmin();
  const access = usePageAccess();
  const page = registry.page(pageKey);
  if (!page) return <NotFoundPage what={`No page is registered as “${pageKey}”.`} />;
  if (access.pending) return <Skeleton width="30%" height={22} />;
  if (!access.canView(page)) {
    return (
      <NoPermission
        message={`You do not have permission to view “${page.title}”. Ask an administrator for the permission if you need it.`}
        backTo="/"
        backLabel="Back to the overview"
      />
    );
  }
  const Component = page.component;
  return <Component />;
}
