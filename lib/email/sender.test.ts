import { describe, expect, it } from "vitest";
import { fromHeader, onBehalfOf } from "./sender";

describe("the sender of an email", () => {
  it("names the person and the portal, from the portal's own address", () => {
    const behalf = onBehalfOf({ name: "Anna Admin", accountName: "Acme Certs GmbH" });
    expect(fromHeader("CertPortal <no-reply@certportal.example>", behalf)).toBe(
      '"Anna Admin (Acme Certs GmbH) via CertPortal" <no-reply@certportal.example>',
    );
    expect(fromHeader('"Acme Portal" <portal@acme.example>', behalf)).toBe(
      '"Anna Admin (Acme Certs GmbH) via Acme Portal" <portal@acme.example>',
    );
    expect(fromHeader("no-reply@acme.example", behalf)).toBe(
      '"Anna Admin (Acme Certs GmbH) via CertPortal" <no-reply@acme.example>',
    );
  });

  it("keeps a name from breaking the header: quotes escaped, line breaks gone", () => {
    expect(fromHeader("CertPortal <n@x.example>", 'Eve "the" \\ Admin\r\nBcc: x@y (E)')).toBe(
      '"Eve \\"the\\" \\\\ Admin Bcc: x@y (E) via CertPortal" <n@x.example>',
    );
  });

  it("cuts a very long name", () => {
    const header = fromHeader("CertPortal <n@x.example>", "A".repeat(500));
    expect(header).toBe(`"${"A".repeat(119)}… via CertPortal" <n@x.example>`);
  });

  it("leaves the portal's own emails as configured", () => {
    expect(fromHeader("CertPortal <n@x.example>", null)).toBe("CertPortal <n@x.example>");
  });
});
