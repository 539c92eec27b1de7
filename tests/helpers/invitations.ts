import type { Db } from "@/db";
import { emailOutbox, invitations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createInvitation, type NewInvitation } from "@/lib/invitations/send";
import { makeActor } from "./actors";
import { APP_DEPS } from "./fixtures";

export const INVITATION_DEPS = { ...APP_DEPS, invitationsPerHour: 200 };

/** Sends an invitation as an account's Administrator would (a new account's, unless `actor` is given). */
export async function invite(
  db: Db,
  options: Partial<NewInvitation> & { actor?: Actor; now?: Date } = {},
) {
  const { actor: given, now = new Date("2026-03-01T09:00:00Z"), ...overrides } = options;
  const actor = given ?? (await makeActor(db));
  const result = await createInvitation(
    db,
    actor,
    {
      email: "bob@contoso.example",
      subaccountType: "enterprise",
      customMessage: null,
      locale: "en",
      ...overrides,
    },
    now,
    INVITATION_DEPS,
  );
  return { actor, ...result };
}

/** Every invitation and how many emails are queued: to show that a refused change changed nothing. */
export async function invitationSnapshot(db: Db) {
  return {
    invitations: await db.select().from(invitations).orderBy(invitations.id),
    emails: await db.$count(emailOutbox),
  };
}
