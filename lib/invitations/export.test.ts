import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";
import { type ExportWords, exportInvitations } from "./export";
import { invitationListParams } from "./queries";
import { cancelInvitation } from "./send";

const t = setupTestDb();
const t0 = new Date("2026-05-01T08:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const words: ExportWords = {
  column: (key) => key,
  status: (s) => s.toUpperCase(),
  delivery: (d) => `delivery:${d}`,
  type: (type) => `type:${type}`,
};

async function download(chunks: AsyncIterable<string>) {
  let text = "";
  let count = 0;
  for await (const chunk of chunks) {
    text += chunk;
    count++;
  }
  return { text, chunks: count, lines: text.split("\r\n").filter(Boolean) };
}

describe("exporting invitations as CSV", () => {
  it("writes every invitation of the filtered list in its order, a batch at a time", async () => {
    const actor = await makeActor(t.db);
    for (let i = 0; i < 7; i++)
      await invite(t.db, { actor, email: `p${i}@example.com`, now: minutes(i) });
    const canceled = await invite(t.db, { actor, email: "gone@example.com", now: minutes(8) });
    await cancelInvitation(t.db, actor, { id: canceled.id }, minutes(9));
    // Another account's invitation never appears.
    await invite(t.db, { email: "p-other@example.com", now: minutes(3) });

    const all = await download(
      await exportInvitations(t.db, actor, invitationListParams.parse({}), minutes(10), {
        words,
        batchSize: 3,
      }),
    );
    expect(
      all.text.startsWith(
        "\uFEFFstatus,delivery,email,subaccountType,sentBy,lastSentAt,expiresAt\r\n",
      ),
    ).toBe(true);
    expect(all.lines.slice(1).map((l) => l.split(",")[2])).toEqual([
      "gone@example.com",
      ...[6, 5, 4, 3, 2, 1, 0].map((i) => `p${i}@example.com`),
    ]);
    // The header, then three batches of at most three rows: never the whole list at once.
    expect(all.chunks).toBe(4);
    expect(all.lines[2]).toBe(
      `PENDING,delivery:sending,p6@example.com,type:enterprise,${actor.name},${minutes(6).toISOString()},2026-05-31T08:06:00.000Z`,
    );
    // A canceled invitation has no expiry, and its withdrawn email no delivery.
    expect(all.lines[1]).toMatch(/^CANCELED,,gone@example\.com,.*,$/);

    const filtered = await download(
      await exportInvitations(
        t.db,
        actor,
        invitationListParams.parse({ status: "pending", q: "P1", sort: "oldest" }),
        minutes(10),
        { words },
      ),
    );
    expect(filtered.lines.slice(1).map((l) => l.split(",")[2])).toEqual(["p1@example.com"]);
  });

  it("puts a quote before a cell a spreadsheet would run as a formula", async () => {
    const actor = await makeActor(t.db);
    await t.db
      .update(users)
      .set({ firstName: '=HYPERLINK("https://evil.example")', lastName: "X" })
      .where(eq(users.id, actor.userId));
    await invite(t.db, { actor, email: "f@example.com", now: minutes(1) });
    const { lines } = await download(
      await exportInvitations(t.db, actor, invitationListParams.parse({}), minutes(2), { words }),
    );
    expect(lines[1]).toContain(`"'=HYPERLINK(""https://evil.example"") X"`);
  });
});

describe("exports at once", () => {
  it("lets one user download two at a time; a finished or abandoned one frees its place", async () => {
    const actor = await makeActor(t.db);
    await invite(t.db, { actor, now: t0 });
    const start = () =>
      exportInvitations(t.db, actor, invitationListParams.parse({}), t0, { words });
    const first = (await start())[Symbol.asyncIterator]();
    const second = await start();
    await first.next();
    await expect(start()).rejects.toMatchObject({ code: "export_rate_limited" });
    // Another user is not held up.
    const colleague = await makeActor(t.db, { accountName: "Other" });
    await exportInvitations(t.db, colleague, invitationListParams.parse({}), t0, { words });
    await download(second);
    await first.return?.(undefined);
    const third = await start();
    expect((await download(third)).lines).toHaveLength(2);
  });
});
