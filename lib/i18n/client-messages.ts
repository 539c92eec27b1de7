/**
 * The message namespaces the browser needs: those client components translate,
 * and those of the messages server actions answer with (a form translates its
 * answer). Everything else (emails, page text rendered on the server) stays on
 * the server instead of riding along in every page's payload.
 * `lib/i18n/client-messages.test.ts` keeps this list complete.
 */
export const CLIENT_NAMESPACES = [
  "accept",
  "accountTypes",
  "contracts",
  "createSubaccount",
  "errors",
  "invitation",
  "invite",
  "organization",
  "password",
  "roles",
  "setPassword",
  "setup",
  "signIn",
  "subaccount",
  "subaccounts",
  "users",
  "validation",
] as const;

export function clientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]),
  );
}
