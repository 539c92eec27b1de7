import de from "../../../messages/de.json" with { type: "json" };
import en from "../../../messages/en.json" with { type: "json" };

export const LANGS = ["en", "de"] as const;
export type Lang = (typeof LANGS)[number];

const catalogs: Record<Lang, unknown> = { en, de };

/**
 * The app's own wording in a language, so one journey runs in English and in
 * German: `m("invite.email")`, `m("users.changeRole", { name })`.
 */
export function messages(lang: Lang) {
  return (key: string, params: Record<string, string | number> = {}): string => {
    const text = key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogs[lang]);
    if (typeof text !== "string") throw new Error(`no message ${key} in ${lang}`);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}
