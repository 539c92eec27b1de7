"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { env } from "@/lib/env";
import { createInvitation, resendInvitation } from "@/lib/invitations/send";
import { inviteFormInput } from "./form-input";
import { withFormTemplate } from "@/lib/invitations/templates";

export const inviteSubaccount = action(
  { permission: "invitations.create", input: inviteFormInput },
  async ({ templateId, ...invitation }, { actor, db, now, formData }) => {
    const input = await withFormTemplate(db, actor, { templateId, invitation });
    const { id } = await createInvitation(db, actor, input, now, {
      appUrl: env().APP_URL,
      invitationsPerHour: env().INVITATIONS_PER_HOUR,
    });
    revalidatePath("/subaccounts/invitations");
    // "Send and invite another" stays on an emptied form; "Send invitation" shows the list.
    if (formData.get("then") === "another")
      return { ok: true, message: "invite.sentAnother", params: { email: invitation.email } };
    return { redirectTo: `/subaccounts/invitations?sent=${id}` };
  },
);

/** "Resend it now" where the address already has a pending invitation: that one goes out again. */
export const resendExistingInvitation = action(
  { permission: "invitations.resend", input: z.object({ id: z.uuid() }) },
  async ({ id }, { actor, db, now }) => {
    await resendInvitation(db, actor, { id }, now, { appUrl: env().APP_URL });
    revalidatePath("/subaccounts/invitations");
    return { redirectTo: `/subaccounts/invitations?sent=${id}` };
  },
);
