import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// Each case loads the route afresh, with its own environment and database client.
async function loadRoute(envVars: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(envVars)) vi.stubEnv(k, v);
  (globalThis as { certportalDb?: unknown }).certportalDb = undefined;
  return import("./route");
}

describe("GET /api/health", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    const handle = (globalThis as { certportalDb?: Promise<{ close(): Promise<void> }> })
      .certportalDb;
    await handle?.then((h) => h.close()).catch(() => {});
    (globalThis as { certportalDb?: unknown }).certportalDb = undefined;
    vi.unstubAllEnvs();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("answers 200 when the database answers", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "certportal-health-"));
    dirs.push(dir);
    const { GET } = await loadRoute({ DATABASE_URL: "", PGLITE_DATA_DIR: dir });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "up", email: "running" });
  });

  it("reports paused email delivery with its reason, and still answers 200", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "certportal-health-"));
    dirs.push(dir);
    // A public address without RESEND_API_KEY: no development mailbox, no transport.
    const { GET } = await loadRoute({
      DATABASE_URL: "",
      PGLITE_DATA_DIR: dir,
      APP_URL: "http://portal.lan:3000",
      AUTH_SECRET: "0123456789abcdef0123456789abcdef",
      RESEND_API_KEY: "",
    });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      database: "up",
      email: "paused",
      emailReason: expect.stringContaining("No email transport"),
    });
  });

  it("answers 503 when the database cannot be reached", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    // Port 9 on loopback: nothing listens there.
    const { GET } = await loadRoute({ DATABASE_URL: "postgres://nobody@127.0.0.1:9/none" });
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", database: "down" });
    spy.mockRestore();
  });
});
