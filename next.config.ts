import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { devOrigins } from "./lib/dev-origins";
import { securityHeaders, TOKEN_PAGE_HEADERS } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: {
    // The ICU messages compiled at build time rather than parsed on each request.
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
});

const asList = (headers: Record<string, string>) =>
  Object.entries(headers).map(([key, value]) => ({ key, value }));

function appOrigins(): string[] {
  try {
    // Read here, outside lib/env: the config is loaded before the app's own code.
    return [new URL(process.env.APP_URL || "http://localhost:3000").host];
  } catch {
    return [];
  }
}

const nextConfig: NextConfig = {
  // `next dev` opened at 127.0.0.1, APP_URL's host or the printed network address works too.
  allowedDevOrigins: devOrigins(process.env.APP_URL),
  // PGlite loads its WebAssembly and data files from its own package folder,
  // and argon2 is a native addon: both must stay outside the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Server actions answer only requests from the app's own origin (APP_URL),
    // besides the Host the request names, which Next.js always checks Origin against.
    // A bulk upload's file (lib/invitations/bulk/parse.ts, BULK_FILE_MAX_BYTES: 8 MiB)
    // and the rest of its form; Next.js refuses a larger body before any action runs.
    serverActions: { allowedOrigins: appOrigins(), bodySizeLimit: "9mb" },
  },
  // Every answer's security headers, prefetches and API answers included; the CSP
  // with its nonce comes from proxy.ts. Later entries win: token pages send no Referer.
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      { source: "/:path*", headers: asList(securityHeaders({ production })) },
      { source: "/accept/:path*", headers: asList(TOKEN_PAGE_HEADERS) },
      { source: "/set-password/:path*", headers: asList(TOKEN_PAGE_HEADERS) },
    ];
  },
};

export default withNextIntl(nextConfig);
