import { describeIdentity } from "./identityCases.js";

describeIdentity("sqlite");
