import { performance } from "node:perf_hooks";

/** Median of `runs` timings of `task`, in milliseconds, after `warmup` untimed runs. */
export async function timeMedian(
  runs: number,
  task: () => Promise<unknown> | unknown,
  warmup = 3,
): Promise<number> {
  for (let index = 0; index < warmup; index += 1) await task();
  const timings: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await task();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return timings[Math.floor(timings.length / 2)] ?? Number.NaN;
}
