import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessages } from "@/lib/i18n/client-messages";

/**
 * Hands the client components inside exactly the message namespaces they
 * translate (a form's answer comes from its action in words), instead of
 * every translation on every page. `lib/i18n/client-messages.test.ts` checks
 * each page names what its client components use.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={clientMessages(messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
