import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";

export const { POST } = handlers;

/**
 * Auth.js's GET endpoints but its session: reading that one encrypts the token
 * again with a fresh expiry, so a session (or a stolen cookie) asked for it
 * now and then would never end. Nothing here needs it: pages read the session
 * themselves (readSession), and it ends 12 hours after sign-in.
 */
export async function GET(request: NextRequest) {
  if (new URL(request.url).pathname.replace(/\/+$/, "").endsWith("/session"))
    return new Response(null, { status: 404 });
  return handlers.GET(request);
}
