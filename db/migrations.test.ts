import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import * as schema from "@/db/schema";
import { makeActor } from "@/tests/helpers/actors";

// Migrations that move data, run over data as the migration before them left it.
const MIGRATIONS = path.join(import.meta.dirname, "migrations");
const folders: string[] = [];

/** The migrations folder as it stood up to and including `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "certportal-migrations-"));
  folders.push(dir);
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe("migrations", () => {
  it("name each queued email's invitation as its topic before the outbox forgets invitations", async () => {
    const client = new PGlite("memory://", { extensions: { pg_trgm } });
    const db = drizzle({ client, schema, casing: "snake_case" });
    try {
      await migrate(db, { migrationsFolder: migrationsUpTo("0027_invitation_lifecycle_batches") });
      const actor = await makeActor(db as unknown as Db);
      const now = new Date("2026-03-01T09:00:00Z");
      // Raw SQL: the table as 0027 left it, without the columns of later migrations.
      const inserted = await db.execute<{ id: string }>(sql`
        insert into invitations
          (account_id, email, subaccount_type, locale, token_hash, sent_by, sent_at, last_sent_at, expires_at, created_at)
        values (${actor.accountId}, 'bob@contoso.example', 'retail', 'en', 'hash', ${actor.userId}, ${now}, ${now}, ${now}, ${now})
        returning id`);
      const invitation = inserted.rows[0];
      for (const [key, invitationId] of [
        ["invitation-email", invitation!.id],
        ["welcome-email", null],
      ] as const)
        await db.execute(sql`
          insert into email_outbox
            (idempotency_key, template, to_address, subject, html, text, invitation_id, next_attempt_at, created_at)
          values (${key}, 'invitation', 'bob@contoso.example', 'Hi', '', '', ${invitationId}, ${now}, ${now})`);

      await migrate(db, { migrationsFolder: MIGRATIONS });
      const rows = await db
        .select({ key: schema.emailOutbox.idempotencyKey, topic: schema.emailOutbox.topic })
        .from(schema.emailOutbox)
        .orderBy(schema.emailOutbox.idempotencyKey);
      expect(rows).toEqual([
        { key: "invitation-email", topic: `invitation:${invitation!.id}` },
        { key: "welcome-email", topic: null },
      ]);
    } finally {
      await client.close();
    }
  });
});
