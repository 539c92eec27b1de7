import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { instanceEmailStatus } from "@/lib/email/worker";
import { describeError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    // Paused email is reported, not failed: the instance still serves, and nothing is lost.
    const email = await instanceEmailStatus(db);
    return Response.json(
      {
        status: "ok",
        database: "up",
        email: email.state,
        ...(email.state === "paused" ? { emailReason: email.reason } : {}),
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    console.error("Health check: database unreachable:", describeError(error));
    return Response.json(
      { status: "error", database: "down" },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
