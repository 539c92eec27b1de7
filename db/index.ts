import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database or an open transaction: services accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK = 727_001;

export type DbOptions =
  { url: string; poolSize?: number } | { dataDir?: string /* omitted: in memory */ };

export function createDb(options: DbOptions): DbHandle {
  if ("url" in options) {
    const pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (a restart, a failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on("error", (error) => console.error("PostgreSQL: idle connection lost:", error.message));
    const db = drizzlePg({ client: pool, schema, casing: "snake_case" });
    return {
      db: db as unknown as Db,
      kind: "postgres",
      async migrate() {
        // Several app instances may start at once; one migrates, the others wait.
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
          await migratePg(drizzlePg({ client, casing: "snake_case" }), { migrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // Extensions the migrations create must be loaded into the embedded server first.
  const client = new PGlite(options.dataDir ?? "memory://", { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

export function createDbFromEnv(): DbHandle {
  const e = env();
  return e.DATABASE_URL
    ? createDb({ url: e.DATABASE_URL })
    : createDb({ dataDir: path.resolve(e.PGLITE_DATA_DIR) });
}

// One client per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { certportalDb?: Promise<DbHandle> };

/** The app's database, migrated on first use. */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.certportalDb ??= (async () => {
    const handle = createDbFromEnv();
    await handle.migrate();
    return handle;
  })().catch((error: unknown) => {
    globalForDb.certportalDb = undefined;
    throw error;
  });
  return globalForDb.certportalDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** The rows of a raw SQL query, on either driver (both answer with `{ rows }`). */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
