import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const styles = {
  body: { backgroundColor: "#f4f4f5", fontFamily: "Arial, Helvetica, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: 8, margin: "0 auto", maxWidth: 560, padding: 32 },
  brand: { color: "#0f766e", fontSize: 14, fontWeight: 700, letterSpacing: 0.5, margin: "0 0 16px" },
  footer: { color: "#71717a", fontSize: 12, lineHeight: "18px" },
};

export function EmailLayout(props: { lang: string; preview: string; company: string; footer: ReactNode; children: ReactNode }) {
  return (
    <Html lang={props.lang}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{props.company}</Text>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={styles.footer}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const emailText = { color: "#18181b", fontSize: 15, lineHeight: "24px" };
export const emailButton = {
  backgroundColor: "#0f766e",
  borderRadius: 6,
  color: "#ffffff",
  display: "inline-block",
  fontSize: 15,
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
};
