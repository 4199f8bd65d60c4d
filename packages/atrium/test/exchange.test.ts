import { describeExchange } from "./exchangeCases.js";

describeExchange("sqlite");
