import { PageHeader } from "atrium/client";

/** Listed only once the dev server test adds it to atrium.config.ts. */
export default function Archive() {
  return <PageHeader title="Archive" description="Notes put away." />;
}
