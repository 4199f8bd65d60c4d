import { systemStoreSuite } from "./testing/systemStoreSuite.js";

await systemStoreSuite("sqlite");
