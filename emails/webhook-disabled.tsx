import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { type Locale } from "@/lib/enums";
import { emailTranslator, formatEmailDate } from "./i18n";
import { EmailLayout, styles } from "./layout";

export type WebhookDisabledEmailProps = {
  locale: Locale;
  firstName: string;
  accountName: string;
  endpointUrl: string;
  failingSince: Date;
  endpointPageUrl: string;
};

export function webhookDisabledSubject(props: Pick<WebhookDisabledEmailProps, "locale">) {
  return emailTranslator(props.locale)("webhookDisabled.subject");
}

export default function WebhookDisabledEmail(props: WebhookDisabledEmailProps) {
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout
      locale={props.locale}
      preview={t("webhookDisabled.preview", { url: props.endpointUrl })}
    >
      <Heading style={styles.heading}>
        {t("webhookDisabled.heading", { name: props.firstName })}
      </Heading>
      <Text style={styles.text}>
        {t("webhookDisabled.intro", {
          account: props.accountName,
          url: props.endpointUrl,
          date: formatEmailDate(props.failingSince, props.locale),
        })}
      </Text>
      <Text style={styles.text}>{t("webhookDisabled.kept")}</Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.endpointPageUrl} style={styles.button}>
          {t("webhookDisabled.button")}
        </Button>
      </Section>
      <Text style={styles.muted}>{t("webhookDisabled.linkFallback")}</Text>
      <Link href={props.endpointPageUrl} style={styles.link}>
        {props.endpointPageUrl}
      </Link>
    </EmailLayout>
  );
}

WebhookDisabledEmail.PreviewProps = {
  locale: "en",
  firstName: "Ada",
  accountName: "Northwind Certificates",
  endpointUrl: "https://crm.example.com/hooks/certportal",
  failingSince: new Date("2026-12-01T09:30:00Z"),
  endpointPageUrl: "http://localhost:3000/account/webhooks/5b0a3c58-3f6c-4a3e-9d51-2f3a8f7f4c10",
} satisfies WebhookDisabledEmailProps;
