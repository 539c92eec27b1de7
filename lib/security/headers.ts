/**
 * The Content-Security-Policy of every page: scripts only from the app itself
 * or carrying this request's nonce (Next.js puts it on its own scripts), never
 * inline otherwise; no framing by any site; forms post only to the app.
 * Styles may be inline: React and email previews set style attributes.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code and talks to the dev server over a socket.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The headers of every answer, whatever it is (a page, a prefetch, an API call,
 * a file): next.config.ts sends them, because the proxy, which adds the CSP with
 * its nonce, does not see prefetches. Token pages replace the Referrer-Policy
 * with `TOKEN_PAGE_HEADERS`.
 */
export function securityHeaders(options: { production: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ...(options.production
      ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }
      : {}),
  };
}

/** Pages whose path holds a one-time token: no Referer at all, no index, no shared cache. */
export const TOKEN_PAGE_HEADERS: Record<string, string> = {
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex",
  "Cache-Control": "no-store",
};

/** A fresh, unpredictable nonce for each request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
