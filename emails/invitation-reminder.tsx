import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { InvitableType, Locale } from "@/lib/enums";
import { emailTranslator, formatEmailDate } from "./i18n";
import { EmailLayout, styles } from "./layout";

export type InvitationReminderEmailProps = {
  locale: Locale;
  inviterName: string;
  organization: string;
  subaccountType: InvitableType;
  /** The invitee's first name, when the inviter gave it. */
  inviteeName?: string | null;
  /** The link of the invitation's latest send: the same one its email carried. */
  acceptUrl: string;
  expiresAt: Date;
  daysLeft: number;
};

export function invitationReminderSubject(
  props: Pick<InvitationReminderEmailProps, "locale" | "organization">,
) {
  return emailTranslator(props.locale)("invitationReminder.subject", {
    organization: props.organization,
  });
}

export default function InvitationReminderEmail(props: InvitationReminderEmailProps) {
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout
      locale={props.locale}
      preview={t("invitationReminder.preview", {
        organization: props.organization,
        days: props.daysLeft,
      })}
    >
      <Heading style={styles.heading}>{t("invitationReminder.heading")}</Heading>
      {props.inviteeName ? (
        <Text style={styles.text}>
          {t("invitationReminder.greeting", { name: props.inviteeName })}
        </Text>
      ) : null}
      <Text style={styles.text}>
        {t("invitationReminder.intro", {
          inviter: props.inviterName,
          organization: props.organization,
          type: t(`types.${props.subaccountType}`),
        })}
      </Text>
      <Text style={styles.text}>
        {t("invitationReminder.expires", {
          days: props.daysLeft,
          date: formatEmailDate(props.expiresAt, props.locale),
        })}
      </Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.acceptUrl} style={styles.button}>
          {t("invitationReminder.button")}
        </Button>
      </Section>
      <Text style={styles.muted}>{t("invitationReminder.linkFallback")}</Text>
      <Link href={props.acceptUrl} style={styles.link}>
        {props.acceptUrl}
      </Link>
      <Text style={{ ...styles.muted, marginTop: 16 }}>
        {t("invitationReminder.footer", {
          inviter: props.inviterName,
          organization: props.organization,
        })}
      </Text>
    </EmailLayout>
  );
}

InvitationReminderEmail.PreviewProps = {
  locale: "en",
  inviterName: "Ada Admin",
  organization: "Northwind Certificates",
  subaccountType: "enterprise",
  inviteeName: "Bob",
  acceptUrl: "http://localhost:3000/accept/preview-token",
  expiresAt: new Date("2026-12-24T12:00:00Z"),
  daysLeft: 7,
} satisfies InvitationReminderEmailProps;
