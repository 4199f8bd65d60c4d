import { describeScalars } from "./scalarsCases.js";

describeScalars("sqlite");
