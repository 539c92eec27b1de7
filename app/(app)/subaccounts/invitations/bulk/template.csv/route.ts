import { currentActor } from "@/lib/auth/next-auth";
import { env } from "@/lib/env";
import { bulkTemplateCsv } from "@/lib/invitations/bulk/parse";
import { requestLocale } from "@/lib/i18n/request-locale";

export const dynamic = "force-dynamic";

/** The bulk upload's template, in the reader's language (German with semicolons, as German Excel reads them). */
export async function GET() {
  const actor = await currentActor();
  if (!actor) return Response.redirect(new URL("/sign-in", env().APP_URL), 303);
  return new Response(bulkTemplateCsv(await requestLocale(actor.locale)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="invitations-template.csv"`,
      "cache-control": "no-store",
    },
  });
}
