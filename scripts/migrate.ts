// Applies the committed drizzle-kit migrations to the configured database.
import { createDbFromEnv } from "@/db";

const handle = createDbFromEnv();
try {
  await handle.migrate();
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}
