// Times taken and how the report writes them.
import { performance } from "node:perf_hooks";

export type Figures = { p50: number; p95: number };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export const figures = (times: number[]): Figures => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

/** `fn` run `warm` times unmeasured (JIT, caches), then `runs` times measured. */
export async function timed(fn: (i: number) => Promise<unknown>, runs: number, warm = 3) {
  for (let i = 0; i < warm; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(warm + i);
    times.push(performance.now() - t);
  }
  return figures(times);
}

export const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
export const num = (n: number) => n.toLocaleString("en-US");
