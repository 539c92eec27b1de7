import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { isLocale, LINK_LOCALE_HEADER, LINK_LOCALE_PARAM } from "@/lib/i18n/locale";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";

// The CSP and the link's language only: authorization happens in every page,
// action and use case, never here.
export function proxy(request: NextRequest) {
  const { NODE_ENV } = env();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: NODE_ENV === "development" });
  // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // An emailed link's language (?lang=de) for the page it opens; never taken from the client's own header.
  requestHeaders.delete(LINK_LOCALE_HEADER);
  const linkLocale = request.nextUrl.searchParams.get(LINK_LOCALE_PARAM);
  if (isLocale(linkLocale)) requestHeaders.set(LINK_LOCALE_HEADER, linkLocale);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // The other security headers come from next.config.ts, on every answer.
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the JSON APIs: a CSP means nothing to a script, and the other headers
      // come from next.config.ts on every answer.
      source: "/((?!_next/static|_next/image|favicon.ico|api/v1/|services/v2/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
