import { getDb } from "@/db";
import { describeError } from "@/lib/errors";
import { BACKGROUND_KINDS } from "./kinds";
import { runPeriodicWork } from "./periodic";

/**
 * The app's own worker: every interval, what is due of every kind (retries, and
 * anything a crashed instance left behind) and the periodic upkeep. A kind
 * still busy from the last turn (a slow endpoint) does not hold up the others.
 */
export function startBackgroundPoller(intervalSeconds: number): () => void {
  const busy = new Set<string>();
  const turn = (name: string, work: () => Promise<unknown>) => {
    if (busy.has(name)) return;
    busy.add(name);
    void work()
      .catch((error: unknown) =>
        console.error(`Background work (${name}) failed:`, describeError(error)),
      )
      .finally(() => busy.delete(name));
  };
  const timer = setInterval(() => {
    for (const kind of BACKGROUND_KINDS) turn(kind.name, kind.kick);
    turn("upkeep", async () => runPeriodicWork(await getDb(), new Date()));
  }, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
