import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FileWatcher, watchFiles } from "./watchFiles.js";

const folder = mkdtempSync(join(tmpdir(), "atrium-watch-"));
let watcher: FileWatcher | undefined;
afterEach(() => watcher?.close());

/** Counts the calls; `settled()` waits past the watcher's quiet delay so that a missed change shows as 0. */
function counter() {
  let calls = 0;
  return {
    onChange: () => {
      calls += 1;
    },
    calls: () => calls,
    settled: () => new Promise((done) => setTimeout(done, 300)),
  };
}

/** An editor's safe save: a new file renamed over the old one. */
function saveByRename(file: string, text: string) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

describe("watchFiles", () => {
  it("sees every save of a file, in place or by rename, and saves in a row once", async () => {
    const config = join(folder, "atrium.config.ts");
    writeFileSync(config, "1");
    const changes = counter();
    watcher = watchFiles(changes.onChange, 50);
    watcher.watch([config]);

    saveByRename(config, "2");
    await changes.settled();
    expect(changes.calls()).toBe(1);
    // The second save after a rename is the one a watch on the file itself misses.
    saveByRename(config, "3");
    await changes.settled();
    expect(changes.calls()).toBe(2);
    writeFileSync(config, "4");
    writeFileSync(config, "5");
    await changes.settled();
    expect(changes.calls()).toBe(3);
  });

  it("ignores the other files of the folder, and files no longer watched", async () => {
    const config = join(folder, "other.config.ts");
    mkdirSync(join(folder, "admin"), { recursive: true });
    const routes = join(folder, "admin", "routes.ts");
    writeFileSync(config, "1");
    writeFileSync(routes, "1");
    const changes = counter();
    watcher = watchFiles(changes.onChange, 50);
    watcher.watch([config, routes]);

    writeFileSync(join(folder, "dev.db"), "rows");
    await changes.settled();
    expect(changes.calls()).toBe(0);
    writeFileSync(routes, "2");
    await changes.settled();
    expect(changes.calls()).toBe(1);

    watcher.watch([config]);
    writeFileSync(routes, "3");
    await changes.settled();
    expect(changes.calls()).toBe(1);
  });
});
