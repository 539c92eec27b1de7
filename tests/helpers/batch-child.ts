// A batch worker in a process of its own, for the test that kills one halfway.
// CHILD_DATABASE_URL or CHILD_PGLITE_DIR names the database. It says "chunk" after each commit.
import { createDb } from "@/db";
import { runDueBatches } from "@/lib/batches/run";
import { APP_DEPS } from "./fixtures";

const handle = process.env.CHILD_DATABASE_URL
  ? createDb({ url: process.env.CHILD_DATABASE_URL })
  : createDb({ dataDir: process.env.CHILD_PGLITE_DIR! });
await runDueBatches(handle.db, APP_DEPS, { afterChunk: () => process.stdout.write("chunk\n") });
await handle.close();
