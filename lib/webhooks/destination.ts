import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Where a webhook may be sent: never to this machine, the operator's network
 * or the cloud's metadata service. Only public unicast addresses pass, after
 * IPv4-mapped (and other IPv4-embedding) IPv6 addresses are read as the IPv4
 * address they carry; `allowLoopback` (WEBHOOKS_ALLOW_LOOPBACK, development
 * and tests only) lets 127.0.0.1 and ::1 through, and nothing else.
 */

export type Refusal =
  "not_https" | "credentials_in_url" | "invalid_url" | "private_address" | "unresolvable";

export class DestinationRefused extends Error {
  constructor(
    readonly reason: Refusal,
    readonly address?: string,
  ) {
    super(`webhook destination refused: ${reason}${address ? ` (${address})` : ""}`);
  }
}

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

export type DestinationRules = { allowLoopback: boolean; resolve?: Resolver };

const LOOPBACK = new Set(["127.0.0.1", "::1"]);

/** Whether one address may be connected to. */
export function addressAllowed(address: string, allowLoopback: boolean): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  // Exactly these two, as written: not 127.0.0.2, not ::ffff:127.0.0.1.
  if (allowLoopback && LOOPBACK.has(parsed.toString())) return true;
  const v6 = parsed.kind() === "ipv6" ? (parsed as ipaddr.IPv6) : null;
  // ::/96, IPv4-compatible (deprecated): ipaddr.js calls ::a00:1 unicast; it is 10.0.0.1.
  if (v6?.parts.slice(0, 6).every((part) => part === 0)) return false;
  // Of IPv6 unicast, only the global space (2000::/3) is anyone's public address.
  if (v6 && !v6.isIPv4MappedAddress() && !v6.match(ipaddr.parseCIDR("2000::/3"))) return false;
  const effective = v6?.isIPv4MappedAddress() ? v6.toIPv4Address() : parsed;
  // Everything else ipaddr.js names (private, loopback, linkLocal, uniqueLocal,
  // multicast, carrierGradeNat, reserved, 6to4, teredo, rfc6052…) is refused.
  return effective.range() === "unicast";
}

function hostOf(url: URL): string {
  // An IPv6 literal comes bracketed.
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/** Checks an endpoint's URL as it is written: for the form and the API, with the reason. */
export function checkUrl(value: string, rules: DestinationRules): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DestinationRefused("invalid_url");
  }
  if (url.username || url.password) throw new DestinationRefused("credentials_in_url");
  const host = hostOf(url);
  const loopbackLiteral = rules.allowLoopback && LOOPBACK.has(host);
  // Plain HTTP only to a local receiver the operator allowed.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopbackLiteral))
    throw new DestinationRefused("not_https");
  if (isIP(host) && !addressAllowed(host, rules.allowLoopback))
    throw new DestinationRefused("private_address", host);
  return url;
}

/**
 * The one address a delivery connects to: the name resolved now, every address
 * it has checked (one bad address refuses the name: the attacker picks which
 * one a client tries), the first returned. The caller connects to exactly this
 * address, so a second resolution cannot swap it for another.
 */
export async function resolveDestination(
  url: URL,
  rules: DestinationRules,
): Promise<{ address: string; family: 4 | 6 }> {
  checkUrl(url.toString(), rules);
  const host = hostOf(url);
  const found = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await (rules.resolve ?? systemResolver)(host).catch(() => {
        throw new DestinationRefused("unresolvable");
      });
  if (found.length === 0) throw new DestinationRefused("unresolvable");
  for (const { address } of found)
    if (!addressAllowed(address, rules.allowLoopback))
      throw new DestinationRefused("private_address", address);
  const first = found[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
