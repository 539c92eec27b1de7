"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { emailInput } from "@/lib/auth/inputs";
import { env } from "@/lib/env";
import { extendInvitation as extend } from "@/lib/invitations/extend";
import { cancelInvitation as cancel, resendInvitation as resend } from "@/lib/invitations/send";
import { sendAgain as sendAgainAsNew } from "@/lib/invitations/send-again";
import { invitationTermsOf } from "@/app/_components/invitation-terms-input";
import { changeInvitationTerms } from "@/lib/invitations/change-terms";
import { invitationTermsInput, normalizeTerms } from "@/lib/invitations/terms";

const input = z.object({ id: z.uuid() });

export const resendInvitation = action(
  { permission: "invitations.resend", input },
  async ({ id }, { actor, db, now }) => {
    const { email } = await resend(db, actor, { id }, now, { appUrl: env().APP_URL });
    revalidatePath("/subaccounts/invitations");
    return { ok: true, message: "invitation.resent", params: { email } };
  },
);

export const correctAddressAndResend = action(
  { permission: "invitations.resend", input: input.extend({ email: emailInput }) },
  async ({ id, email }, { actor, db, now }) => {
    await resend(db, actor, { id, email }, now, { appUrl: env().APP_URL });
    revalidatePath("/subaccounts/invitations");
    // The form goes away once the email is on its way again; the page says where it went.
    return { redirectTo: `/subaccounts/invitations/${id}?corrected=1` };
  },
);

export const cancelInvitation = action(
  { permission: "invitations.cancel", input },
  async ({ id }, { actor, db, now }) => {
    await cancel(db, actor, { id }, now);
    revalidatePath("/subaccounts/invitations");
    return { ok: true, message: "invitation.canceled" };
  },
);

export const extendInvitation = action(
  { permission: "invitations.resend", input },
  async ({ id }, { actor, db, now }) => {
    const { email } = await extend(db, actor, { id }, now);
    revalidatePath("/subaccounts/invitations");
    return { ok: true, message: "invitation.extended", params: { email } };
  },
);

export const sendInvitationAgain = action(
  { permission: "invitations.create", input },
  async ({ id }, { actor, db, now }) => {
    const created = await sendAgainAsNew(db, actor, { id }, now, {
      appUrl: env().APP_URL,
      invitationsPerHour: env().INVITATIONS_PER_HOUR,
    });
    revalidatePath("/subaccounts/invitations");
    // The new invitation's page, which says it was sent.
    return { redirectTo: `/subaccounts/invitations/${created.id}?sentAgain=1` };
  },
);

/** The terms of a pending invitation as its page's form gives them; parts shown read-only stay. */
const termsFormInput = z.preprocess(
  (raw, ctx) => {
    if (typeof raw !== "object" || raw === null) return raw;
    const fields = raw as Record<string, unknown>;
    return { id: fields.id, terms: invitationTermsOf(fields, ctx) };
  },
  z.object({ id: z.uuid(), terms: invitationTermsInput.transform(normalizeTerms) }),
);

export const changeTerms = action(
  { permission: "invitations.editTerms", input: termsFormInput },
  async ({ id, terms }, { actor, db, now }) => {
    const { changed } = await changeInvitationTerms(db, actor, { id, terms, partial: true }, now);
    revalidatePath(`/subaccounts/invitations/${id}`);
    return {
      ok: true,
      message: changed.length ? "invitationTerms.saved" : "invitationTerms.unchanged",
    };
  },
);
