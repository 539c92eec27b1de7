/**
 * The given message namespaces out of all messages: what a page's client
 * components need in the browser. Everything else (emails, text rendered on
 * the server, a form's answer, which the action sends in words) stays on the
 * server.
 */
export function clientMessages(
  messages: Record<string, unknown>,
  namespaces: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]),
  );
}
