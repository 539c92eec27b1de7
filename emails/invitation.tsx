import { Button, Heading, Link, Section, Text } from "@react-email/components";
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
          {/* Plain text only: React escapes it, and pre-wrap keeps the sender's line breaks. */}
          <Text style={styles.quote}>{props.customMessage}</Text>
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
      <Text style={{ ...styles.muted, marginTop: 16 }}>{t("invitation.ignore")}</Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  locale: "en",
  inviterName: "Ada Admin",
  organization: "Northwind Certificates",
  subaccountType: "enterprise",
  customMessage: "Hi Bob,\nhere is the account we talked about.",
  acceptUrl: "http://localhost:3000/accept/preview-token",
  expiresAt: new Date("2026-12-24T12:00:00Z"),
} satisfies InvitationEmailProps;
