/**
 * Who an email is from. Every email leaves from the portal's own address
 * (EMAIL_FROM, whose domain is verified with the provider); one written for a
 * person carries their name and organization in the sender's name, and replies
 * go to them.
 */

/** How a person is named in an email sent for them: "Anna Admin (Acme Certs GmbH)". */
export function onBehalfOf(person: { name: string; accountName: string }): string {
  return `${person.name} (${person.accountName})`;
}

/**
 * The From header: `"Anna Admin (Acme Certs GmbH) via CertPortal" <no-reply@…>`
 * for an email on someone's behalf, else EMAIL_FROM as it is. The name is quoted
 * (parentheses would otherwise be a comment) and stripped of line breaks.
 */
export function fromHeader(from: string, behalfOf: string | null): string {
  if (!behalfOf) return from;
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  const address = match ? match[2]!.trim() : from.trim();
  const portal = match?.[1]?.trim() || "CertPortal";
  // A sender's name is a line in a mailbox, not a message: long names are cut.
  const person = behalfOf.length > 120 ? `${behalfOf.slice(0, 119)}…` : behalfOf;
  const name = `${person} via ${portal}`
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/["\\]/g, "\\$&");
  return `"${name}" <${address}>`;
}
