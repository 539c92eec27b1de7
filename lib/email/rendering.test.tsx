import { describe, expect, it } from "vitest";
import InvitationEmail from "@/emails/invitation";
import InvitationReminderEmail from "@/emails/invitation-reminder";
import ResetPasswordEmail from "@/emails/reset-password";
import SetPasswordEmail from "@/emails/set-password";
import WebhookDisabledEmail from "@/emails/webhook-disabled";
import WelcomeEmail from "@/emails/welcome";
import { type Locale, LOCALES } from "@/lib/enums";
import en from "@/messages/en.json";
import {
  renderInvitationEmail,
  renderInvitationReminderEmail,
  renderResetPasswordEmail,
  renderSetPasswordEmail,
  renderWebhookDisabledEmail,
  renderWelcomeEmail,
} from "./render";

/**
 * Every email in every language, as recorded in __snapshots__. This file runs
 * twice (vitest.config.ts): on the messages as written, and on the messages
 * compiled as `next build` compiles them for the app (next-intl's precompile)
 * with the formatter the app then uses. Both must give the recorded email.
 */
const EMAILS: Record<string, (locale: Locale) => Promise<unknown>> = {
  invitation: (locale) => renderInvitationEmail({ ...InvitationEmail.PreviewProps, locale }),
  "invitation-reminder": (locale) =>
    renderInvitationReminderEmail({ ...InvitationReminderEmail.PreviewProps, locale }),
  "invitation-reminder-one-day": (locale) =>
    renderInvitationReminderEmail({
      ...InvitationReminderEmail.PreviewProps,
      inviteeName: null,
      daysLeft: 1,
      locale,
    }),
  "reset-password": (locale) =>
    renderResetPasswordEmail({ ...ResetPasswordEmail.PreviewProps, locale }),
  "set-password": (locale) => renderSetPasswordEmail({ ...SetPasswordEmail.PreviewProps, locale }),
  "webhook-disabled": (locale) =>
    renderWebhookDisabledEmail({ ...WebhookDisabledEmail.PreviewProps, locale }),
  welcome: (locale) => renderWelcomeEmail({ ...WelcomeEmail.PreviewProps, locale }),
};
const precompiled = process.env.MESSAGES === "precompiled";

describe(`emails, on the messages ${precompiled ? "compiled at build time" : "as written"}`, () => {
  it("reads the messages in the form this run is for", () => {
    expect(typeof en.emails.invitation.subject).toBe(precompiled ? "object" : "string");
  });

  for (const [name, render] of Object.entries(EMAILS))
    for (const locale of LOCALES)
      it(`renders ${name} in ${locale} as recorded`, async () => {
        const email = await render(locale);
        await expect(JSON.stringify(email, null, 2)).toMatchFileSnapshot(
          `./__snapshots__/${name}.${locale}.json`,
        );
      });
});
