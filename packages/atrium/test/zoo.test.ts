/** The schema zoo crawled on SQLite (see zooCases.ts). */
import { describeZoo } from "./zooCases.js";

describeZoo("sqlite", ["auth", "saas", "shapes", "scalars", "synthetic"]);
