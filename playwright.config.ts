import { defineConfig } from "@playwright/test";
import { serverLog } from "./tests/e2e/support/server-log";

const PORT = 3200;
const FAKE_RESEND_PORT = 3299;
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  // One server, one database: journeys run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /setup\.spec\.ts/ },
    { name: "journeys", testIgnore: /setup\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: [
    {
      command: "node tests/e2e/support/fake-resend.mjs",
      url: `http://127.0.0.1:${FAKE_RESEND_PORT}/health`,
      env: { FAKE_RESEND_PORT: String(FAKE_RESEND_PORT) },
      reuseExistingServer: false,
    },
    {
      // The production build on a fresh embedded database, sending mail through
      // the real Resend SDK to the stand-in above.
      command: `rm -rf .data/e2e && npm start -- -p ${PORT} -H 127.0.0.1 2>&1 | tee ${serverLog(PORT)}`,
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        PGLITE_DATA_DIR: ".data/e2e",
        DATABASE_URL: "",
        // One `next start` process on the embedded database, chosen on purpose.
        EMBEDDED_DATABASE: "1",
        APP_URL: baseURL,
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
        RESEND_API_KEY: "re_e2e_test",
        RESEND_BASE_URL: `http://127.0.0.1:${FAKE_RESEND_PORT}`,
        OUTBOX_POLL_SECONDS: "2",
        // The journeys together invite a few hundred addresses within the hour.
        INVITATIONS_PER_HOUR: "1000",
        // The webhooks journey's receiver listens on 127.0.0.1 (APP_URL is loopback too).
        WEBHOOKS_ALLOW_LOOPBACK: "1",
      },
    },
  ],
});

export const fakeResendUrl = `http://127.0.0.1:${FAKE_RESEND_PORT}`;
