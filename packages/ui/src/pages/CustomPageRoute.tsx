import { useAdmin } from "@atrium/client";
import { useParams } from "react-router";
import { NotFoundPage } from "./NotFoundPage.js";

/** Renders a page from the registry inside the shell, so it shares navigation, theme and API context. */
export function CustomPageRoute() {
  const { pageKey = "" } = useParams();
  const { registry } = useAdmin();
  const page = registry.page(pageKey);
  if (!page) return <NotFoundPage what={`No page is registered as “${pageKey}”.`} />;
  const Component = page.component;
  return <Component />;
}
