import { describeComputedColumns } from "./computedColumnsCases.js";

describeComputedColumns("sqlite");
