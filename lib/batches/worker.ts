import { getDb } from "@/db";
import { kickOutbox } from "@/lib/email/worker";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { runDueBatches } from "./run";

let turn: Promise<void> | null = null;
let again = false;

/**
 * Works through the open batches in this process: after the commit that
 * queued one, and on every turn of the poller (a batch a stopped instance left
 * is taken over once its lease runs out). Kicks during a turn fold into one more.
 */
export function kickBatches(): Promise<void> {
  if (turn) {
    again = true;
    return turn;
  }
  turn = (async () => {
    do {
      again = false;
      await runDueBatches(await getDb(), { appUrl: env().APP_URL }, { afterChunk: kickEmail });
    } while (again);
  })()
    .catch((error: unknown) =>
      console.error("Batch work failed; it will be taken up again:", describeError(error)),
    )
    .finally(() => (turn = null));
  return turn;
}

/** Each chunk's emails leave at once, at the provider's pace, while the batch goes on. */
function kickEmail() {
  void kickOutbox();
}
