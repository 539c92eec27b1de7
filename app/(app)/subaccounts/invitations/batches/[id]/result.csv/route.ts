import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/next-auth";
import { batchResultCsv } from "@/lib/batches/result";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** A batch's result file, with each outcome also in the reader's words (and a BOM, for Excel). */
export async function GET(
  _request: Request,
  { params }: RouteContext<"/subaccounts/invitations/batches/[id]/result.csv">,
) {
  const actor = await currentActor();
  if (!actor) return Response.redirect(new URL("/sign-in", env().APP_URL), 303);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return new Response(null, { status: 404 });
  const [tBatch, tBulk, tErrors] = await Promise.all([
    getTranslations("batch"),
    getTranslations("bulkInvite"),
    getTranslations("errors"),
  ]);
  const word = (code: string) =>
    tBatch.has(`outcomes.${code}`)
      ? tBatch(`outcomes.${code}`)
      : tBulk.has(`problems.${code}`)
        ? tBulk(`problems.${code}`)
        : tErrors.has(code)
          ? tErrors(code)
          : code;
  let csv: string;
  try {
    csv = await batchResultCsv(await getDb(), actor, id.data, {
      header: tBatch("resultColumn"),
      outcome: (codes) => codes.split(" ").map(word).join("; "),
    });
  } catch (error) {
    // Like its page: another account's batch is not here.
    if (error instanceof DomainError) return new Response(null, { status: 404 });
    throw error;
  }
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="batch-${id.data}.csv"`,
      "cache-control": "no-store",
    },
  });
}
