// What `npm run bench` measures at which size, and where it writes.
import path from "node:path";

export type Size = {
  invitations: number;
  subaccounts: number;
  /** Measured runs of each read, and of each write. */
  runs: number;
  writes: number;
  /** Seconds of load on each page. */
  seconds: number;
};
export const FULL: Size = {
  invitations: 1_000_000,
  subaccounts: 10_000,
  runs: 40,
  writes: 20,
  seconds: 10,
};
export const SMOKE: Size = {
  invitations: 20_000,
  subaccounts: 200,
  runs: 8,
  writes: 3,
  seconds: 2,
};
/** The small account of the comparison column. */
export const SMALL = { invitations: 1_000, subaccounts: 10 };
/** Connections of the HTTP part. */
export const CLIENTS = 10;

export const ROOT = path.join(import.meta.dirname, "..", "..");
export const PERFORMANCE_DOC = path.join(ROOT, "docs", "performance.md");
