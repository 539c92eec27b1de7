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
  const address = entries[Math.max(0, entries.length - Math.max(1, trustedProxyHops))];
  return address ? addressKey(address) : null;
}

/**
 * The key an address is limited under: IPv4 as it is; IPv6 by its /64 prefix,
 * since one subscriber is routinely given a whole /64 to pick addresses from.
 */
function addressKey(address: string): string {
  const bare = address.replace(/^\[|\](:\d+)?$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (!bare.includes(":")) return bare;
  const halves = bare.split("::");
  if (halves.length > 2) return bare;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return bare;
  const groups = [...head, ...Array<string>(missing).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return bare;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
