import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/next-auth";
import { env } from "@/lib/env";
import { DomainError, describeError } from "@/lib/errors";
import { exportInvitations } from "@/lib/invitations/export";
import { invitationListParams } from "@/lib/invitations/queries";

export const dynamic = "force-dynamic";

/**
 * Manage invitations' current view (its filters from the query string) as a
 * CSV download, streamed as it is read.
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  // Addresses come from APP_URL, never from the request's Host header.
  if (!actor) return Response.redirect(new URL("/sign-in", env().APP_URL), 303);
  const url = new URL(request.url);
  const params = invitationListParams.parse(Object.fromEntries(url.searchParams));
  const now = new Date();
  const [t, tStatuses, tDelivery, tTypes] = await Promise.all([
    getTranslations("invitations"),
    getTranslations("invitationStatuses"),
    getTranslations("deliveryStatuses"),
    getTranslations("accountTypes"),
  ]);
  let rows: AsyncIterable<string>;
  try {
    rows = await exportInvitations(await getDb(), actor, params, now, {
      words: {
        column: (key) => t(`exportColumns.${key}`),
        status: (s) => tStatuses(s),
        delivery: (d) => tDelivery(d),
        type: (type) => tTypes(type),
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === "export_rate_limited")
      return new Response((await getTranslations("errors"))("export_rate_limited"), {
        status: 429,
        headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "30" },
      });
    // Like its page: a missing permission looks like nothing being here.
    if (error instanceof DomainError) return new Response(null, { status: 404 });
    throw error;
  }
  const chunks = rows[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    // One batch is read when the client has taken the last: a slow download holds no more.
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error("Invitation export failed:", describeError(error));
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="invitations-${now.toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
