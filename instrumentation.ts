export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ getDbHandle }, { env }, { startOutboxPoller }] = await Promise.all([
    import("@/db"),
    import("@/lib/env"),
    import("@/lib/email/worker"),
  ]);
  // Validate the configuration and apply migrations before the first request.
  const config = env();
  await getDbHandle();
  if (config.OUTBOX_POLL_SECONDS > 0) startOutboxPoller(config.OUTBOX_POLL_SECONDS);
}
