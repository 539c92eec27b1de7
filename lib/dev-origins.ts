import { networkInterfaces } from "node:os";

/**
 * Hosts whose pages may load `next dev`'s scripts: loopback, APP_URL's host and
 * this machine's network addresses (the ones `next dev` prints). Without them a
 * page opened at 127.0.0.1 renders but never becomes interactive.
 */
export function devOrigins(
  appUrl: string | undefined,
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): string[] {
  const hosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
  try {
    if (appUrl) hosts.add(new URL(appUrl).hostname);
  } catch {
    // An invalid APP_URL is reported by lib/env.ts when the app starts.
  }
  for (const addresses of Object.values(interfaces))
    for (const address of addresses ?? [])
      if (address.family === "IPv4" && !address.internal) hosts.add(address.address);
  return [...hosts];
}

/**
 * Whether a request names this machine's loopback as its host. The development
 * mailbox (every one-time link) answers nothing else, so a neighbour's browser
 * opening the machine's network address (or a page rebinding a name to it) sees
 * nothing. A hand-made request with `Host: localhost` still passes: the real
 * protection is that `npm run dev` listens on 127.0.0.1 only.
 */
export function isLoopbackRequest(headers: Headers): boolean {
  const host = (headers.get("host") ?? "")
    .toLowerCase()
    .replace(/:\d+$/, "")
    .replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
