// Browsers drop tabs and newlines inside URLs and read "\" as "/", so "/\t/evil.example"
// and "/\evil.example" both lead off-site. None of these belongs in a path of ours.
const UNSAFE = /[\u0000-\u001F\u007F\\]/;

/**
 * Where to go after sign-in: only a path whose resolved URL is the app's own
 * origin; anything else (another site, a protocol-relative or oddly written
 * address) falls back. No open redirects.
 */
export function safeReturnPath(value: unknown, appUrl: string, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || UNSAFE.test(value)) return fallback;
  let target: URL;
  try {
    target = new URL(value, appUrl);
  } catch {
    return fallback;
  }
  if (target.origin !== new URL(appUrl).origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A path that starts with two slashes would be read as another host once written out.
  return path.startsWith("//") ? fallback : path;
}
