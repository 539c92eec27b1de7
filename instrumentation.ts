export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ getDbHandle }, { env }, { startBackgroundPoller }, setup] = await Promise.all([
    import("@/db"),
    import("@/lib/env"),
    import("@/lib/background/poller"),
    import("@/lib/auth/setup-code"),
  ]);
  // Validate the configuration and apply migrations before the first request.
  const config = env();
  const { db } = await getDbHandle();
  // On a public host, first-run setup needs a code that only this log shows.
  if (setup.setupCodeRequired(config)) {
    const code = await setup.issueSetupCode(db, new Date());
    if (code)
      console.log(
        `CertPortal is not set up yet. Open ${config.APP_URL}/setup and enter this setup code (valid ${setup.SETUP_CODE_TTL_HOURS} hours): ${code}`,
      );
  }
  if (config.OUTBOX_POLL_SECONDS > 0) startBackgroundPoller(config.OUTBOX_POLL_SECONDS);
}
