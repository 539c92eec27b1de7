"use server";

import { publicAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth/next-auth";
import { env } from "@/lib/env";
import { acceptInvitation } from "@/lib/invitations/accept";
import { acceptFormInput } from "@/lib/invitations/inputs";

// Public: the invitation token is the invitee's only credential, checked by the use case.
export const acceptInvitationAction = publicAction(
  { input: acceptFormInput },
  async ({ token, confirmPassword: _confirm, ...form }, { db, now, ip, formData }) => {
    await acceptInvitation(db, { token, form, ip }, now, { appUrl: env().APP_URL });
    // Straight into the new account, welcomed with what to do next.
    return {
      signIn: () =>
        signIn("credentials", {
          username: form.username,
          password: form.password,
          timeZone: String(formData.get("timeZone") ?? ""),
          redirectTo: "/?welcome=1",
        }),
    };
  },
);
