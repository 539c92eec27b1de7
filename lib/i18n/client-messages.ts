/** What every form's answer may name: a domain error or a validation message. */
export const FORM_NAMESPACES = ["errors", "validation"] as const;

/**
 * The given message namespaces, and the form ones, out of all messages: what a
 * page's client components need in the browser. Everything else (emails, text
 * rendered on the server) stays on the server.
 */
export function clientMessages(
  messages: Record<string, unknown>,
  namespaces: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    [...FORM_NAMESPACES, ...namespaces]
      .filter((ns) => ns in messages)
      .map((ns) => [ns, messages[ns]]),
  );
}
