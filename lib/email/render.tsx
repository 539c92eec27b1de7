import { render } from "@react-email/render";
import InvitationEmail, { type InvitationEmailProps, invitationSubject } from "@/emails/invitation";
import InvitationReminderEmail, {
  type InvitationReminderEmailProps,
  invitationReminderSubject,
} from "@/emails/invitation-reminder";
import SetPasswordEmail, {
  type SetPasswordEmailProps,
  setPasswordSubject,
} from "@/emails/set-password";
import ResetPasswordEmail, {
  type ResetPasswordEmailProps,
  resetPasswordSubject,
} from "@/emails/reset-password";
import WelcomeEmail, { type WelcomeEmailProps, welcomeSubject } from "@/emails/welcome";
import WebhookDisabledEmail, {
  type WebhookDisabledEmailProps,
  webhookDisabledSubject,
} from "@/emails/webhook-disabled";
import type { RenderedEmail } from "./outbox";
import { cleanEmailProps } from "./plain-text";

async function both(element: React.ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

// Names, organizations and messages come from people: cleaned before they reach an email.

export async function renderInvitationEmail(input: InvitationEmailProps): Promise<RenderedEmail> {
  const props = cleanEmailProps(input, ["customMessage"]);
  return { subject: invitationSubject(props), ...(await both(<InvitationEmail {...props} />)) };
}

export async function renderInvitationReminderEmail(
  input: InvitationReminderEmailProps,
): Promise<RenderedEmail> {
  const props = cleanEmailProps(input);
  return {
    subject: invitationReminderSubject(props),
    ...(await both(<InvitationReminderEmail {...props} />)),
  };
}

export async function renderWelcomeEmail(input: WelcomeEmailProps): Promise<RenderedEmail> {
  const props = cleanEmailProps(input);
  return { subject: welcomeSubject(props), ...(await both(<WelcomeEmail {...props} />)) };
}

export async function renderSetPasswordEmail(input: SetPasswordEmailProps): Promise<RenderedEmail> {
  const props = cleanEmailProps(input);
  return { subject: setPasswordSubject(props), ...(await both(<SetPasswordEmail {...props} />)) };
}

export async function renderResetPasswordEmail(
  input: ResetPasswordEmailProps,
): Promise<RenderedEmail> {
  const props = cleanEmailProps(input);
  return {
    subject: resetPasswordSubject(props),
    ...(await both(<ResetPasswordEmail {...props} />)),
  };
}

export async function renderWebhookDisabledEmail(
  input: WebhookDisabledEmailProps,
): Promise<RenderedEmail> {
  const props = cleanEmailProps(input);
  return {
    subject: webhookDisabledSubject(props),
    ...(await both(<WebhookDisabledEmail {...props} />)),
  };
}
