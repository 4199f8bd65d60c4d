import base from "../../playwright.config.js";

// For running part of the suite while another engineer runs theirs: own port and own database file,
// so two webServers never delete each other's database. `NODE_OPTIONS=--conditions=@atrium/source npx playwright test -c e2e/listSupport/dev.config.ts`.
const port = Number(process.env.E2E_PORT ?? 4193);

export default {
  ...base,
  testDir: "..",
  outputDir: "../../test-results/list-dev",
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    ...base.webServer,
    command: `rm -f .data/e2e-list.db && ATRIUM_DEMO_DB=.data/e2e-list.db npm run --silent demo -- --port ${port}`,
    url: `http://127.0.0.1:${port}/healthz`,
    cwd: "../..",
  },
};
