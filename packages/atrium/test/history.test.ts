import { describeBatchHistory } from "./historyBatchCases.js";
import { describeHistory } from "./historyCases.js";
import { describeRevert } from "./historyRevertCases.js";

describeHistory("sqlite");
describeRevert("sqlite");
describeBatchHistory("sqlite");
