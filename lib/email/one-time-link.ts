import { randomBytes } from "node:crypto";
import type { RenderedEmail } from "./outbox";

/**
 * A stand-in for a one-time token while an email is rendered: as long as a
 * token (32 bytes in base64url, lib/tokens.ts) and of the same alphabet, so
 * the email around it comes out exactly as it would around the token itself.
 * Random per process, so no one can write it into a message of their own.
 */
const PLACEHOLDER = randomBytes(32).toString("base64url");
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Recent shapes of emails; a hundred invitations of one request or one batch share one. */
const MAX_SHAPES = 64;
const shapes = new Map<string, Promise<RenderedEmail>>();

/**
 * Renders an email whose only per-recipient part is its one-time token once
 * per shape (everything else in it, as `shape`), and puts each token into a
 * copy: rendering takes milliseconds, a copy microseconds. The result is the
 * email that `render(token)` gives (lib/email/one-time-link.test.ts).
 */
export async function renderWithToken(
  shape: unknown,
  token: string,
  render: (token: string) => Promise<RenderedEmail>,
): Promise<RenderedEmail> {
  if (!TOKEN.test(token)) return render(token);
  const key = JSON.stringify(shape);
  let template = shapes.get(key);
  if (!template) {
    template = render(PLACEHOLDER);
    shapes.set(key, template);
    if (shapes.size > MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
    // A failed render is not kept: the next caller tries afresh.
    template.catch(() => shapes.delete(key));
  }
  const email = await template;
  return {
    subject: email.subject.replaceAll(PLACEHOLDER, token),
    html: email.html.replaceAll(PLACEHOLDER, token),
    text: email.text.replaceAll(PLACEHOLDER, token),
  };
}
