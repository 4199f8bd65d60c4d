import { describeKeys } from "./keysCases.js";

describeKeys("sqlite");
