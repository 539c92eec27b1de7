"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { action } from "@/lib/actions/action";
import { kickOutbox } from "@/lib/email/worker";
import { env } from "@/lib/env";
import { invitationInput } from "@/lib/invitations/inputs";
import { createInvitation } from "@/lib/invitations/send";

export const inviteSubaccount = action(
  { permission: "invitations.create", input: invitationInput },
  async (invitation, { actor, db, now, formData }) => {
    const { id } = await createInvitation(db, actor, invitation, now, {
      appUrl: env().APP_URL,
      invitationsPerHour: env().INVITATIONS_PER_HOUR,
    });
    // Deliver right after the response; the outbox poller retries if this fails.
    after(kickOutbox);
    revalidatePath("/subaccounts/invitations");
    // "Send and invite another" stays on an emptied form; "Send invitation" shows the list.
    if (formData.get("then") === "another")
      return { ok: true, message: "invite.sentAnother", params: { email: invitation.email } };
    return { redirectTo: `/subaccounts/invitations?sent=${id}` };
  },
);
