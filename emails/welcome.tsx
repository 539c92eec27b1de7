import { Button, Heading, Section, Text } from "@react-email/components";
import { type Locale } from "@/lib/enums";
import { emailTranslator } from "./i18n";
import { EmailLayout, styles } from "./layout";

export type WelcomeEmailProps = {
  locale: Locale;
  firstName: string;
  accountName: string;
  parentName: string;
  username: string;
  signInUrl: string;
  /** The parent uses single sign-in: the new contact must act on this email. */
  actionRequired: boolean;
};

export function welcomeSubject(props: Pick<WelcomeEmailProps, "locale" | "actionRequired">) {
  const t = emailTranslator(props.locale);
  return props.actionRequired ? t("welcome.subjectActionRequired") : t("welcome.subject");
}

export default function WelcomeEmail(props: WelcomeEmailProps) {
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout
      locale={props.locale}
      preview={t("welcome.preview", { account: props.accountName })}
    >
      <Heading style={styles.heading}>{t("welcome.heading", { name: props.firstName })}</Heading>
      <Text style={styles.text}>
        {t("welcome.intro", { account: props.accountName, parent: props.parentName })}
      </Text>
      <Text style={styles.text}>{t("welcome.username", { username: props.username })}</Text>
      {props.actionRequired ? <Text style={styles.text}>{t("welcome.actionRequired")}</Text> : null}
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.signInUrl} style={styles.button}>
          {props.actionRequired ? t("welcome.buttonActionRequired") : t("welcome.button")}
        </Button>
      </Section>
    </EmailLayout>
  );
}

WelcomeEmail.PreviewProps = {
  locale: "en",
  firstName: "Bob",
  accountName: "Contoso Ltd",
  parentName: "Northwind Certificates",
  username: "bob.contoso",
  signInUrl: "http://localhost:3000/sign-in",
  actionRequired: true,
} satisfies WelcomeEmailProps;
