import { createTranslator } from "use-intl/core";
import { type Locale } from "@/lib/enums";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

const MESSAGES = { en, de } as const;
const create = (locale: Locale) => createTranslator({ locale, messages: MESSAGES[locale] });
const translators = new Map<Locale, ReturnType<typeof create>>();

/**
 * The app's messages in one language, outside next-intl's request (emails,
 * a form's answer): in the built app they are the compiled messages, as the
 * pages' are.
 */
export function translator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = create(locale)));
  return t;
}

/** The same, for one namespace. */
export function namespaceTranslator<N extends keyof typeof en>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}
