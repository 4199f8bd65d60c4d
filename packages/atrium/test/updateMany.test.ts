import { describeUpdateMany } from "./updateManyCases.js";

describeUpdateMany("sqlite");
