import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { type Locale } from "@/lib/enums";
import { emailTranslator, formatEmailDate } from "./i18n";
import { EmailLayout, styles } from "./layout";

export type ResetPasswordEmailProps = {
  locale: Locale;
  firstName: string;
  accountName: string;
  username: string;
  resetUrl: string;
  expiresAt: Date;
};

export function resetPasswordSubject(props: Pick<ResetPasswordEmailProps, "locale">) {
  return emailTranslator(props.locale)("resetPassword.subject");
}

export default function ResetPasswordEmail(props: ResetPasswordEmailProps) {
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={t("resetPassword.preview")}>
      <Heading style={styles.heading}>
        {t("resetPassword.heading", { name: props.firstName })}
      </Heading>
      <Text style={styles.text}>
        {t("resetPassword.intro", { username: props.username, account: props.accountName })}
      </Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.resetUrl} style={styles.button}>
          {t("resetPassword.button")}
        </Button>
      </Section>
      <Text style={styles.muted}>
        {t("resetPassword.expires", { date: formatEmailDate(props.expiresAt, props.locale) })}
      </Text>
      <Text style={styles.muted}>{t("resetPassword.linkFallback")}</Text>
      <Link href={props.resetUrl} style={styles.link}>
        {props.resetUrl}
      </Link>
      <Text style={{ ...styles.muted, marginTop: 16 }}>{t("resetPassword.ignore")}</Text>
    </EmailLayout>
  );
}

ResetPasswordEmail.PreviewProps = {
  locale: "en",
  firstName: "Erin",
  accountName: "Contoso Ltd",
  username: "erin.contoso",
  resetUrl: "http://localhost:3000/set-password/preview-token",
  expiresAt: new Date("2026-12-01T12:00:00Z"),
} satisfies ResetPasswordEmailProps;
