import { expect } from "@playwright/test";

export const FAKE_RESEND_URL = "http://127.0.0.1:3299";

type Sent = {
  subject: string;
  text: string;
  html: string;
  to: string[];
  from: string;
  /** As the Resend SDK sends it. */
  reply_to?: string;
};

/** Waits for an email to the address whose subject matches, as delivered through the Resend SDK. */
export async function waitForEmail(to: string, subject: RegExp, timeout = 20_000): Promise<Sent> {
  let found: Sent | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(
          `${FAKE_RESEND_URL}/_test/emails?to=${encodeURIComponent(to)}`,
        );
        const emails = (await response.json()) as Sent[];
        found = emails.filter((e) => subject.test(e.subject)).at(-1);
        return !!found;
      },
      { timeout },
    )
    .toBe(true);
  return found!;
}

function tokenLink(email: Sent, path: string): string {
  const match = email.text.match(
    new RegExp(`https?://\\S+/${path}/[A-Za-z0-9_-]{43}(?:\\?lang=[a-z]{2})?`),
  );
  if (!match) throw new Error(`no /${path}/ link in the email`);
  return match[0];
}

export const acceptLink = (email: Sent) => tokenLink(email, "accept");
export const setPasswordLink = (email: Sent) => tokenLink(email, "set-password");
