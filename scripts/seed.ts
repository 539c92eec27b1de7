// Fills the configured database with demo data and prints the demo sign-ins.
import { createDbFromEnv } from "@/db";
import { seedDemo } from "./demo-data";

const handle = createDbFromEnv();
try {
  await handle.migrate();
  const { created, credentials } = await seedDemo(handle.db);
  console.log(created ? "Demo data created." : "Demo data already present; passwords reset.");
  console.log("\nSign in with (passwords are new on every run):");
  for (const c of credentials)
    console.log(`  ${c.username.padEnd(18)} ${c.role.padEnd(14)} ${c.password}`);
} finally {
  await handle.close();
}
