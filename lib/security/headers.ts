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

/** Paths that hold a one-time token: not even this site's own origin goes out as Referer. */
export function isTokenPath(pathname: string): boolean {
  return /^\/(accept|set-password)\//.test(pathname);
}

/** Headers on every page the proxy sees, beside the CSP (next.config.ts adds nosniff and DENY to everything). */
export function securityHeaders(pathname: string, options: { production: boolean }) {
  const headers: Record<string, string> = {
    "Referrer-Policy": isTokenPath(pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  };
  if (options.production)
    headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/** A fresh, unpredictable nonce for each request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
