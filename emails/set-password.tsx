import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { type Locale } from "@/lib/enums";
import { emailTranslator, formatEmailDate } from "./i18n";
import { EmailLayout, styles } from "./layout";

export type SetPasswordEmailProps = {
  locale: Locale;
  firstName: string;
  accountName: string;
  inviterName: string;
  username: string;
  setPasswordUrl: string;
  expiresAt: Date;
};

export function setPasswordSubject(props: Pick<SetPasswordEmailProps, "locale" | "accountName">) {
  return emailTranslator(props.locale)("setPassword.subject", { account: props.accountName });
}

export default function SetPasswordEmail(props: SetPasswordEmailProps) {
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout
      locale={props.locale}
      preview={t("setPassword.preview", { account: props.accountName })}
    >
      <Heading style={styles.heading}>
        {t("setPassword.heading", { name: props.firstName })}
      </Heading>
      <Text style={styles.text}>
        {t("setPassword.intro", { inviter: props.inviterName, account: props.accountName })}
      </Text>
      <Text style={styles.text}>{t("setPassword.username", { username: props.username })}</Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.setPasswordUrl} style={styles.button}>
          {t("setPassword.button")}
        </Button>
      </Section>
      <Text style={styles.muted}>
        {t("setPassword.expires", { date: formatEmailDate(props.expiresAt, props.locale) })}
      </Text>
      <Text style={styles.muted}>{t("setPassword.linkFallback")}</Text>
      <Link href={props.setPasswordUrl} style={styles.link}>
        {props.setPasswordUrl}
      </Link>
    </EmailLayout>
  );
}

SetPasswordEmail.PreviewProps = {
  locale: "en",
  firstName: "Erin",
  accountName: "Contoso Ltd",
  inviterName: "Bob Builder",
  username: "erin.contoso",
  setPasswordUrl: "http://localhost:3000/set-password/preview-token",
  expiresAt: new Date("2026-12-01T12:00:00Z"),
} satisfies SetPasswordEmailProps;
