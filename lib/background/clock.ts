/** Time, as background work sees it; tests pass their own. */
export type Clock = { now(): Date; sleep(ms: number): Promise<void> };
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
