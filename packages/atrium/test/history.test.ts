import { describeHistory } from "./historyCases.js";

describeHistory("sqlite");
