/**
 * The client's address, as the nearest of `trustedProxyHops` reverse proxies in
 * front of the app saw it. Each proxy appends the address it saw to
 * X-Forwarded-For, so only the entries at the right end were written by
 * proxies; everything to their left is whatever the client sent. Used only to
 * key rate limits; never for authorization.
 */
export function clientIp(headers: Headers, trustedProxyHops: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  // Fewer entries than trusted proxies: the request came by a shorter way; the
  // first hop is the best there is (Next.js itself records the socket's address).
  return entries[Math.max(0, entries.length - Math.max(1, trustedProxyHops))] ?? null;
}
