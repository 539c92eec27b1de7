// Provisioning: `npm run api-key -- create --username USER --name NAME --scope read|write [--expires DAYS]`
// makes a key acting for that Administrator and prints it alone on the last line.
import { parseArgs } from "node:util";
import { createDbFromEnv } from "@/db";
import { runApiKeyCommand } from "@/lib/api-keys/command";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    username: { type: "string" },
    name: { type: "string" },
    scope: { type: "string" },
    expires: { type: "string" },
  },
});

const handle = createDbFromEnv();
let code = 0;
try {
  await handle.migrate();
  const result = await runApiKeyCommand(handle.db, positionals, values, new Date());
  for (const line of result.lines) (result.ok ? console.log : console.error)(line);
  code = result.ok ? 0 : 1;
} finally {
  await handle.close();
}
process.exit(code);
