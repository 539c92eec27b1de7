import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { Fragment } from "react";
import { type Locale } from "@/lib/enums";
import { emailTranslator, formatEmailDate } from "./i18n";
import { EmailLayout, styles } from "./layout";
import type { InvitableType } from "@/lib/enums";

export type InvitationEmailProps = {
  locale: Locale;
  inviterName: string;
  organization: string;
  subaccountType: InvitableType;
  customMessage: string | null;
  /** The invitee's first name, when the inviter gave it: the email greets them by it. */
  inviteeName?: string | null;
  acceptUrl: string;
  expiresAt: Date;
};

export function invitationSubject(props: Pick<InvitationEmailProps, "locale" | "organization">) {
  return emailTranslator(props.locale)("invitation.subject", { organization: props.organization });
}

export default function InvitationEmail(props: InvitationEmailProps) {
  const t = emailTranslator(props.locale);
  const type = t(`types.${props.subaccountType}`);
  return (
    <EmailLayout
      locale={props.locale}
      preview={t("invitation.preview", {
        inviter: props.inviterName,
        organization: props.organization,
      })}
    >
      <Heading style={styles.heading}>{t("invitation.heading")}</Heading>
      {props.inviteeName ? (
        <Text style={styles.text}>{t("invitation.greeting", { name: props.inviteeName })}</Text>
      ) : null}
      <Text style={styles.text}>
        {t("invitation.intro", {
          inviter: props.inviterName,
          organization: props.organization,
          type,
        })}
      </Text>
      {props.customMessage ? (
        <>
          <Text style={styles.muted}>
            {t("invitation.messageFrom", { inviter: props.inviterName })}
          </Text>
          {/* Plain text only: React escapes it. Each line ends in <br>, which keeps the
              sender's line breaks in the HTML and in the plain-text part alike. */}
          <Text style={styles.quote}>
            {props.customMessage.split("\n").map((line, i) => (
              <Fragment key={i}>
                {i > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </Text>
        </>
      ) : null}
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.acceptUrl} style={styles.button}>
          {t("invitation.button")}
        </Button>
      </Section>
      <Text style={styles.muted}>
        {t("invitation.expires", { date: formatEmailDate(props.expiresAt, props.locale) })}
      </Text>
      <Text style={styles.muted}>{t("invitation.linkFallback")}</Text>
      <Link href={props.acceptUrl} style={styles.link}>
        {props.acceptUrl}
      </Link>
      <Text style={{ ...styles.muted, marginTop: 16 }}>
        {t("invitation.footer", {
          inviter: props.inviterName,
          organization: props.organization,
        })}
      </Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  locale: "en",
  inviterName: "Ada Admin",
  organization: "Northwind Certificates",
  subaccountType: "enterprise",
  customMessage: "Hi Bob,\nhere is the account we talked about.",
  inviteeName: "Bob",
  acceptUrl: "http://localhost:3000/accept/preview-token",
  expiresAt: new Date("2026-12-24T12:00:00Z"),
} satisfies InvitationEmailProps;
