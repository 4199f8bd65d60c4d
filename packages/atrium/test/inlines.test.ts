import { describeInlines } from "./inlinesCases.js";

describeInlines("sqlite");
