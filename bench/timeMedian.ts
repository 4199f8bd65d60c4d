import { performance } from "node:perf_hooks";

/** Median of `runs` timings of `task`, in milliseconds, after `warmup` untimed runs. */
export async function timeMedian(
  runs: number,
  task: () => Promise<unknown> | unknown,
  warmup = 3,
): Promise<number> {
  const [median = Number.NaN] = await timeMedians(runs, [task], warmup);
  return median;
}

/**
 * Medians of several tasks timed in turn, run by run (a, b, a, b, ...), so that a shared machine's changing
 * load falls on each of them alike and their ratio holds even when the absolute times move.
 */
export async function timeMedians(
  runs: number,
  tasks: (() => Promise<unknown> | unknown)[],
  warmup = 3,
): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) for (const task of tasks) await task();
  const timings = tasks.map((): number[] => []);
  for (let index = 0; index < runs; index += 1) {
    for (const [at, task] of tasks.entries()) {
      const started = performance.now();
      await task();
      timings[at]?.push(performance.now() - started);
    }
  }
  return timings.map((times) => {
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? Number.NaN;
  });
}
