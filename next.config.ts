import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { devOrigins } from "./lib/dev-origins";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Pages whose path holds a one-time token: never let it leak to another site
// through the Referer header, into a search index or a shared cache.
// (Their Referrer-Policy, no-referrer, and every page's CSP come from proxy.ts.)
const tokenPageHeaders = [
  { key: "X-Robots-Tag", value: "noindex" },
  { key: "Cache-Control", value: "no-store" },
];

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
    serverActions: { allowedOrigins: appOrigins() },
  },
  async headers() {
    return [
      {
        source: "/accept/:path*",
        headers: tokenPageHeaders,
      },
      {
        source: "/set-password/:path*",
        headers: tokenPageHeaders,
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
