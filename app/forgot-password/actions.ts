"use server";

import { after } from "next/server";
import { z } from "zod";
import { publicAction } from "@/lib/actions/action";
import { deliverQueued } from "@/lib/front-door/after-commit";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { requestPasswordReset } from "@/lib/users/reset-password";
import { RESET_PASSWORD_TTL_HOURS } from "@/lib/users/rules";

// Public: the link goes only to the user's own email address.
export const forgotPasswordAction = publicAction(
  { input: z.object({ username: z.string().trim().min(1, { message: "v.required" }).max(200) }) },
  async ({ username }, { db, now, ip }) => {
    // The same answer, at the same speed, whether the username exists or not:
    // the lookup and the email happen after the answer has gone.
    after(async () => {
      try {
        if (await requestPasswordReset(db, { username, ip }, now, { appUrl: env().APP_URL }))
          await deliverQueued();
      } catch (error) {
        console.error("Password reset request failed:", describeError(error));
      }
    });
    return {
      ok: true,
      message: "forgotPassword.sent",
      params: { username, hours: RESET_PASSWORD_TTL_HOURS },
    };
  },
);
