// C0 and C1 control characters (tab and newline are handled separately), and the
// marks that reorder text: an organization named "Acme\u202Egnp.exe" would read as
// "Acmeexe.png" in the inbox.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text a person typed, made safe to put into an email: no control or
 * direction-override characters, and on one line unless it is a message.
 */
export function emailText(value: string, options: { multiline?: boolean } = {}): string {
  let text = value.replace(/\r\n?/g, "\n");
  text = options.multiline ? text.replace(/\t/g, " ") : text.replace(/[\n\t]+/g, " ");
  return text.replace(CONTROL, "").replace(DIRECTION, "").trim();
}

/** Every text prop of an email's props through `emailText`; links and dates stay as they are. */
export function cleanEmailProps<P extends object>(props: P, multiline: (keyof P)[] = []): P {
  const out: Record<string, unknown> = { ...(props as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === "string" && !/url$/i.test(key))
      out[key] = emailText(value, { multiline: multiline.includes(key as keyof P) });
  }
  return out as P;
}
