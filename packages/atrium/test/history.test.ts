import { describeBatchHistory } from "./historyBatchCases.js";
import { describeHistory } from "./historyCases.js";

describeHistory("sqlite");
describeBatchHistory("sqlite");
