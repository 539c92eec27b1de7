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
    APP_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
    AUTH_SECRET: optionalString,
    RESEND_API_KEY: optionalString,
    RESEND_WEBHOOK_SECRET: optionalString,
    EMAIL_FROM: z.string().min(3).default("CertPortal <no-reply@certportal.localhost>"),
    INVITATIONS_PER_HOUR: z.coerce.number().int().positive().default(200),
    // Reverse proxies in front of the app that append to X-Forwarded-For.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
    OUTBOX_POLL_SECONDS: z.coerce.number().int().min(0).default(15),
  })
  .transform((e, ctx) => {
    if (!e.AUTH_SECRET && e.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production (generate one with `openssl rand -base64 32`)",
      });
      return z.NEVER;
    }
    return {
      ...e,
      APP_URL: e.APP_URL.replace(/\/+$/, ""),
      AUTH_SECRET: e.AUTH_SECRET ?? DEV_AUTH_SECRET,
      // The development mailbox stands in for a provider, never in production.
      devMailbox: !e.RESEND_API_KEY && e.NODE_ENV !== "production",
    };
  });

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
