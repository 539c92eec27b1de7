"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { failureState, fieldErrorsOf, keptValues } from "@/lib/actions/action";
import { optionalText, requiredText } from "@/lib/actions/fields";
import type { FormState } from "@/lib/actions/form-state";
import { clientIp } from "@/lib/auth/client-ip";
import { checkPasswords, nameInput, usernameInput } from "@/lib/auth/inputs";
import { signIn } from "@/lib/auth/next-auth";
import { signInAfterSetup } from "@/lib/auth/sign-in-after";
import { kickOutbox } from "@/lib/email/worker";
import { env } from "@/lib/env";
import { acceptInvitation, viewInvitationLink } from "@/lib/invitations/service";

const input = z
  .object({
    token: z.string().max(100),
    firstName: nameInput,
    lastName: nameInput,
    phone: optionalText(40),
    jobTitle: optionalText(100),
    legalName: requiredText(200),
    addressLine1: requiredText(200),
    addressLine2: optionalText(200),
    city: requiredText(100),
    region: optionalText(100),
    postalCode: requiredText(20),
    country: requiredText(100),
    orgPhone: optionalText(40),
    username: usernameInput,
    password: z.string().max(1000),
    confirmPassword: z.string().max(1000),
  })
  .superRefine(checkPasswords);

// Public: the invitation token is the invitee's only credential, checked by the domain.
export async function acceptInvitationAction(
  _previous: FormState | undefined,
  formData: FormData,
): Promise<FormState> {
  const values = keptValues(formData);
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return {
      ok: false,
      message: "errors.invalid_input",
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
    };
  const { token, confirmPassword: _confirm, ...form } = parsed.data;
  const db = await getDb();
  const now = new Date();
  const ip = clientIp(await headers(), env().TRUSTED_PROXY_HOPS);
  const view = await viewInvitationLink(db, { token, ip, now });
  if (view.state === "rate_limited") return { ok: false, message: "accept.tooMany", values };
  if (view.state !== "valid")
    return { ok: false, message: "errors.invitation_not_acceptable", values };
  try {
    await acceptInvitation(db, { token, form, ip, now }, { appUrl: env().APP_URL });
  } catch (error) {
    return failureState(error, formData);
  }
  after(kickOutbox);
  // Straight into the new account: throws Next's redirect on success.
  await signInAfterSetup(
    () =>
      signIn("credentials", { username: form.username, password: form.password, redirectTo: "/" }),
    redirect,
  );
  return { ok: true };
}
