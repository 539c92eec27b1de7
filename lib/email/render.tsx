import { render } from "@react-email/render";
import InvitationEmail, { type InvitationEmailProps, invitationSubject } from "@/emails/invitation";
import SetPasswordEmail, {
  type SetPasswordEmailProps,
  setPasswordSubject,
} from "@/emails/set-password";
import WelcomeEmail, { type WelcomeEmailProps, welcomeSubject } from "@/emails/welcome";
import type { RenderedEmail } from "./outbox";

async function both(element: React.ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

export async function renderInvitationEmail(props: InvitationEmailProps): Promise<RenderedEmail> {
  return { subject: invitationSubject(props), ...(await both(<InvitationEmail {...props} />)) };
}

export async function renderWelcomeEmail(props: WelcomeEmailProps): Promise<RenderedEmail> {
  return { subject: welcomeSubject(props), ...(await both(<WelcomeEmail {...props} />)) };
}

export async function renderSetPasswordEmail(props: SetPasswordEmailProps): Promise<RenderedEmail> {
  return { subject: setPasswordSubject(props), ...(await both(<SetPasswordEmail {...props} />)) };
}
