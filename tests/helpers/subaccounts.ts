import type { Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { createSubaccount, type NewSubaccount } from "@/lib/subaccounts/create";
import { APP_DEPS, organization } from "./fixtures";

/** A subaccount as the create form would submit it, with its first Administrator. */
export const newSubaccount = (overrides: Partial<NewSubaccount> = {}): NewSubaccount => ({
  ...organization,
  type: "enterprise",
  billing: "bill_to_parent",
  pricing: "custom",
  allowedSubaccountTypes: [],
  nickname: "Globex (key account)",
  administrator: {
    username: "hank",
    email: "hank@globex.example",
    firstName: "Hank",
    lastName: "Scorpio",
    locale: "en",
  },
  ...overrides,
});

/** What makes a subaccount Managed: API-only, so no Administrator signs in to it. */
export const managed = { type: "managed", administrator: null } satisfies Partial<NewSubaccount>;

/** Creates a subaccount of the parent's account, as its Administrator would. */
export function subaccountOf(
  db: Db,
  parent: Actor,
  overrides: Partial<NewSubaccount> = {},
  now = new Date("2026-09-01T10:00:00Z"),
) {
  return createSubaccount(db, parent, { subaccount: newSubaccount(overrides) }, now, APP_DEPS);
}
