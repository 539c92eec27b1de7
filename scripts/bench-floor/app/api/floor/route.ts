// The floor for the API: a bare route handler answering a page of 25
// invitations as JSON, the shape of GET /api/v1/invitations, with no key,
// no limit, no database.
export const dynamic = "force-dynamic";

export function GET() {
  const start = Date.UTC(2026, 0, 1);
  const data = Array.from({ length: 25 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    email: `person${i}@example.com`,
    status: "pending",
    delivery: "delivered",
    subaccount_type: "retail",
    sent_by: "Ada Admin",
    last_sent_at: new Date(start - i * 60_000).toISOString(),
    expires_at: new Date(start - i * 60_000 + 30 * 86_400_000).toISOString(),
  }));
  return Response.json({ data, next_cursor: "MjAyNi0wMS0wMVQwMDowMDowMC4wMDBafDAw" });
}
