import { toFetchHandler } from "atrium/server";
import { atriumApp } from "../../../server/atriumApp.js";

const handler = toFetchHandler(atriumApp, { basePath: "/admin" });

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
