import type { AccountType, Locale, Role } from "@/lib/enums";

/** The signed-in person, as every page and action sees them: re-read from the database on each request. */
export type Actor = {
  userId: string;
  accountId: string;
  role: Role;
  username: string;
  name: string;
  email: string;
  accountName: string;
  accountType: AccountType;
  locale: Locale | null;
  /** Their IANA time zone, or null before their first sign-in (shown as UTC). */
  timeZone: string | null;
};
