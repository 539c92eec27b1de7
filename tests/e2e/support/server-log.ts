import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Everything the app server under test prints, kept outside the tree (a file
 * changing inside it would disturb a dev server) for the test that searches it
 * for secrets.
 */
export const serverLog = (port: number) => path.join(tmpdir(), `certportal-e2e-server-${port}.log`);
