import { apiDocument } from "@/lib/api/v1/document";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

let cached: string | undefined;

/** The OpenAPI 3.1 document: public, like any API reference. */
export function GET() {
  cached ??= JSON.stringify(apiDocument(env().APP_URL));
  return new Response(cached, {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
  });
}
