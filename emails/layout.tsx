import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { type Locale } from "@/lib/enums";
import { emailTranslator } from "./i18n";

/** The frame every CertPortal email shares. */
export function EmailLayout({
  locale,
  preview,
  children,
}: {
  locale: Locale;
  preview: string;
  children: ReactNode;
}) {
  const t = emailTranslator(locale);
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f8fafc",
          fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
          margin: 0,
          padding: "24px 0",
        }}
      >
        <Container
          style={{
            backgroundColor: "#ffffff",
            border: "1px solid #e2e8f0",
            borderRadius: 8,
            maxWidth: 560,
            padding: 32,
          }}
        >
          <Text style={{ color: "#1e40af", fontSize: 18, fontWeight: 700, margin: "0 0 24px" }}>
            CertPortal
          </Text>
          {children}
          <Hr style={{ borderColor: "#e2e8f0", margin: "32px 0 16px" }} />
          <Section>
            <Text style={{ color: "#64748b", fontSize: 12, margin: 0 }}>{t("footer")}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const styles = {
  heading: { color: "#0f172a", fontSize: 22, fontWeight: 600, margin: "0 0 16px" },
  text: { color: "#0f172a", fontSize: 15, lineHeight: "24px", margin: "0 0 16px" },
  muted: { color: "#475569", fontSize: 13, lineHeight: "20px", margin: "0 0 12px" },
  quote: {
    borderLeft: "3px solid #cbd5e1",
    color: "#334155",
    fontSize: 15,
    lineHeight: "24px",
    margin: "0 0 16px",
    padding: "4px 12px",
    whiteSpace: "pre-wrap" as const,
  },
  button: {
    backgroundColor: "#1d4ed8",
    borderRadius: 6,
    color: "#ffffff",
    display: "inline-block",
    fontSize: 15,
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  link: { color: "#1d4ed8", fontSize: 13, wordBreak: "break-all" as const },
};
