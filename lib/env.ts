import { z } from "zod";

const DEV_AUTH_SECRET = "certportal-development-secret-not-for-production";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    PGLITE_DATA_DIR: z.string().default(".data/pglite"),
    APP_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    AUTH_SECRET: optionalString,
    RESEND_API_KEY: optionalString,
    RESEND_WEBHOOK_SECRET: optionalString,
    EMAIL_FROM: z.string().min(3).default("CertPortal <no-reply@certportal.localhost>"),
    INVITATIONS_PER_HOUR: z.coerce.number().int().positive().default(200),
    // Requests one API key may make per minute, across every instance.
    API_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(600),
    // Reverse proxies in front of the app that append to X-Forwarded-For.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
    OUTBOX_POLL_SECONDS: z.coerce.number().int().min(0).default(15),
    // How long /api/v1/events (and webhooks' redeliveries) can look back.
    EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    // Requests per second to the email provider, across every instance (Resend's default: 2).
    EMAIL_REQUESTS_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
    // Webhooks to 127.0.0.1 and ::1 (plain HTTP too): a receiver on this machine, for development and tests.
    WEBHOOKS_ALLOW_LOOPBACK: z.enum(["", "0", "1"]).optional(),
    // The embedded database in production, on purpose (one process serves it).
    EMBEDDED_DATABASE: z.enum(["", "0", "1"]).optional(),
  })
  .transform((e, ctx) => {
    const production = e.NODE_ENV === "production";
    let failed = false;
    const problem = (path: string, message: string) => {
      failed = true;
      ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (production && !e.APP_URL)
      problem("APP_URL", "is required in production: the public address of the app");
    const appUrl = (e.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
    // The published development secret and the open mailbox are for a machine of one's own.
    const local = !production && isLoopbackUrl(appUrl);
    if (!local && (!e.AUTH_SECRET || e.AUTH_SECRET.length < 32))
      problem(
        "AUTH_SECRET",
        `must be at least 32 characters ${production ? "in production" : "when APP_URL is not a loopback address"} (generate one with \`openssl rand -base64 32\`)`,
      );
    else if (e.AUTH_SECRET && e.AUTH_SECRET.length < 32)
      problem("AUTH_SECRET", "must be at least 32 characters (openssl rand -base64 32)");
    const embeddedDatabase = !e.DATABASE_URL;
    if (production && embeddedDatabase && e.EMBEDDED_DATABASE !== "1")
      problem(
        "EMBEDDED_DATABASE",
        "set DATABASE_URL, or EMBEDDED_DATABASE=1 to run on the embedded database on purpose (one process only)",
      );
    if (production && embeddedDatabase && e.OUTBOX_POLL_SECONDS === 0)
      problem(
        "OUTBOX_POLL_SECONDS",
        "must be above 0 on the embedded database: the app's own poller is the only worker",
      );
    // A production build is tried on its own machine (APP_URL on loopback, as the
    // browser tests do); a deployment, with its public address, never sends to itself.
    if (production && e.WEBHOOKS_ALLOW_LOOPBACK === "1" && !isLoopbackUrl(appUrl))
      problem(
        "WEBHOOKS_ALLOW_LOOPBACK",
        "is for development and tests: in production a webhook never reaches this machine",
      );
    if (failed) return z.NEVER;
    return {
      ...e,
      APP_URL: appUrl,
      AUTH_SECRET: e.AUTH_SECRET ?? DEV_AUTH_SECRET,
      embeddedDatabase,
      webhooksAllowLoopback: e.WEBHOOKS_ALLOW_LOOPBACK === "1",
      // The development mailbox stands in for a provider, only on one's own machine.
      devMailbox: !e.RESEND_API_KEY && local,
    };
  });

/** True for localhost, 127.0.0.0/8 and ::1: addresses only this machine can reach. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    super(
      "Invalid environment configuration:\n" +
        issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n"),
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues);
  return result.data;
}

let cached: Env | undefined;

/** The validated environment; read lazily so `next build` needs no runtime secrets. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
