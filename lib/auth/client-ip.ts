/**
 * The client's address as reported by the reverse proxy in front of the app.
 * Used only to key rate limits; never for authorization.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim() || null;
  return headers.get("x-real-ip")?.trim() || null;
}
