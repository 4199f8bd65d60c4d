/** `atrium/server`: Atrium as a fetch handler, to serve it from a server of your own. */
export { loadConfig } from "./config/loadConfig.js";
export {
  type Atrium,
  createAtrium,
  type RunningServer,
  type StartOptions,
  startServer,
} from "./startServer.js";
