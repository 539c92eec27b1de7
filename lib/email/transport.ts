import { Resend } from "resend";
import type { Db } from "@/db";
import { devMailbox } from "@/db/schema";
import { env } from "@/lib/env";

export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string;
};

export interface EmailTransport {
  readonly name: string;
  /** Hands one message to the provider; throws when it was not accepted. */
  send(email: OutgoingEmail): Promise<{ providerMessageId: string | null }>;
}

export class EmailDeliveryError extends Error {
  constructor(
    message: string,
    /** False when retrying cannot help (a refused address, bad credentials). */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "EmailDeliveryError";
  }
}

export function resendTransport(apiKey: string): EmailTransport {
  // The SDK reads RESEND_BASE_URL itself, which lets tests point it at a local server.
  const client = new Resend(apiKey);
  return {
    name: "resend",
    async send(email) {
      const { data, error } = await client.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
        },
        { idempotencyKey: email.idempotencyKey },
      );
      if (error) {
        const status = (error as { statusCode?: number | null }).statusCode ?? 0;
        // 4xx other than rate limiting will fail the same way next time.
        const retryable = status === 0 || status === 429 || status >= 500;
        throw new EmailDeliveryError(`${error.name}: ${error.message}`, retryable);
      }
      return { providerMessageId: data?.id ?? null };
    },
  };
}

/** Keeps each message in the database, shown at /dev/mailbox. Never used in production. */
export function devMailboxTransport(db: Db, now: () => Date = () => new Date()): EmailTransport {
  return {
    name: "dev-mailbox",
    async send(email) {
      const [row] = await db
        .insert(devMailbox)
        .values({
          fromAddress: email.from,
          toAddress: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          createdAt: now(),
        })
        .returning({ id: devMailbox.id });
      return { providerMessageId: row!.id };
    },
  };
}

export function transportFromEnv(db: Db): EmailTransport {
  const e = env();
  if (e.RESEND_API_KEY) return resendTransport(e.RESEND_API_KEY);
  if (e.devMailbox) return devMailboxTransport(db);
  throw new Error(
    "No email transport: set RESEND_API_KEY (the development mailbox is off in production)",
  );
}
