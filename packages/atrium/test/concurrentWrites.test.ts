import { describeConcurrentWrites } from "./concurrentWritesCases.js";

describeConcurrentWrites("sqlite");
