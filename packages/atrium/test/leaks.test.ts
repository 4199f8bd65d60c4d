import { describeLeaks } from "./leaksCases.js";

describeLeaks("sqlite");
