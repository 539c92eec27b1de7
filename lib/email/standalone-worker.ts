import type { Env } from "@/lib/env";

/**
 * Why `npm run outbox:work` must not start with this configuration, or null.
 * The embedded database serves one process (the app's own poller delivers its
 * email), and in production a worker without a real transport could only fail.
 */
export function standaloneWorkerProblem(
  e: Pick<Env, "embeddedDatabase" | "RESEND_API_KEY" | "NODE_ENV">,
): string | null {
  if (e.embeddedDatabase)
    return "The embedded database serves one process: the app's own outbox poller delivers its email. Set DATABASE_URL to run a separate worker.";
  if (e.NODE_ENV === "production" && !e.RESEND_API_KEY)
    return "No email transport: set RESEND_API_KEY (the development mailbox is never used in production).";
  return null;
}
