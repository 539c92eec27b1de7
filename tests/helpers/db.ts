import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getTableName, sql } from "drizzle-orm";
import { isTable } from "drizzle-orm";
import { Pool } from "pg";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createDb, type Db, type DbHandle } from "@/db";
import * as schema from "@/db/schema";

// Reference data filled by migrations stays; everything else is emptied between tests.
const REFERENCE_TABLES = new Set(["products"]);
const tableNames = Object.values(schema)
  .filter((v) => isTable(v))
  .map((t) => getTableName(t))
  .filter((name) => !REFERENCE_TABLES.has(name));

/**
 * A migrated database for one test file: in-memory PGlite by default, or a
 * fresh database on the PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function createTestDatabase(
  options: { poolSize?: number } = {},
): Promise<DbHandle & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = createDb({});
    await handle.migrate();
    return handle;
  }
  const name = `certportal_test_${randomBytes(6).toString("hex")}`;
  const admin = new Pool({ connectionString: serverUrl, max: 1 });
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ url: url.toString(), poolSize: options.poolSize ?? 25 });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      // Not WITH (FORCE): terminating backends that are still closing would
      // raise errors on their clients. Wait for them to go instead.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`drop database if exists ${name}`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await admin.end();
    },
  };
}

export async function truncateAll(db: Db) {
  await db.execute(
    sql.raw(
      `truncate table ${tableNames.map((n) => `"${n}"`).join(", ")} restart identity cascade`,
    ),
  );
}

/** Registers hooks: one database per file, emptied before each test. */
export function setupTestDb(options: { poolSize?: number } = {}) {
  let handle: (DbHandle & { url?: string }) | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(options);
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    if (handle) await truncateAll(handle.db);
  });
  return {
    get db(): Db {
      if (!handle) throw new Error("test database not ready");
      return handle.db;
    },
    get kind() {
      if (!handle) throw new Error("test database not ready");
      return handle.kind;
    },
    /** The server database's address, for a second app instance on it; none on PGlite. */
    get url() {
      return handle?.url;
    },
  };
}

/**
 * A database of its own for a worker in another process, and how to tell that
 * process where it is: a fresh database on TEST_DATABASE_URL's server, or a
 * PGlite directory (PGlite serves one process at a time, so the test and the
 * child never hold it together).
 */
export async function separateDatabase(
  cleanups: (() => Promise<void>)[],
): Promise<{ open(): DbHandle; child: Record<string, string> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `certportal_crash_${randomBytes(6).toString("hex")}`;
    const admin = new Pool({ connectionString: serverUrl, max: 1 });
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    cleanups.push(async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    return {
      open: () => createDb({ url: url.toString() }),
      child: { CHILD_DATABASE_URL: url.toString() },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "certportal-crash-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return { open: () => createDb({ dataDir: dir }), child: { CHILD_PGLITE_DIR: dir } };
}
