import { describeJsonDefaults } from "./jsonDefaultsCases.js";

describeJsonDefaults("sqlite");
