// The HTTP part: the production build under the bench's signed-in connections,
// beside a bare Next.js page and a bare route handler (the floors); the API; the
// CSV export.
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "@auth/core/jwt";
import { download, type ExportFigures, stalledDownload, type StalledFigures } from "./downloads";
import type { Figures } from "./figures";
import { inviteHundred, load, type PageFigures } from "./load";
import { run, start, startFlags } from "./processes";
import { ROOT, type Size } from "./settings";

export type HttpFigures = {
  pages: PageFigures[];
  apiPost: Figures;
  exports: ExportFigures[];
  stalled: StalledFigures;
};

const FLOOR_PORT = 3301;
const APP_PORT = 3300;

export async function measureHttp({
  dbUrl,
  size,
  build,
  userId,
  memberId,
  subaccountId,
  acceptToken,
  apiKey,
}: {
  dbUrl: string;
  size: Size;
  /** Build the app first; otherwise its existing production build (.next) is started. */
  build: boolean;
  /** The Administrator signed in, another user of their account, and one of its subaccounts. */
  userId: string;
  memberId: string;
  subaccountId: string;
  acceptToken: string;
  apiKey: string;
}): Promise<HttpFigures> {
  const pages: PageFigures[] = [];
  const page = async (label: string, url: string, headers?: Record<string, string>) => {
    pages.push(await load(label, url, { seconds: size.seconds, headers }));
  };

  // The floor is a project of its own, built outside this one (so that none of the
  // app's instrumentation, proxy or configuration applies) with the same Next.js.
  // Webpack, because Turbopack wants node_modules inside the project's root.
  const floorDir = mkdtempSync(path.join(tmpdir(), "certportal-floor-"));
  try {
    cpSync(path.join(ROOT, "scripts", "bench-floor"), floorDir, { recursive: true });
    symlinkSync(path.join(ROOT, "node_modules"), path.join(floorDir, "node_modules"));
    writeFileSync(path.join(floorDir, "package.json"), '{ "private": true, "type": "module" }\n');
    await run(path.join(ROOT, "node_modules", ".bin", "next"), ["build", "--webpack"], floorDir);
    const floor = await start(floorDir, FLOOR_PORT, {});
    try {
      await page(
        "Floor: bare dynamic Next.js page, 25-row table",
        `http://127.0.0.1:${FLOOR_PORT}/`,
      );
      await page(
        "API floor: bare route handler, the same JSON",
        `http://127.0.0.1:${FLOOR_PORT}/api/floor`,
      );
    } finally {
      await floor.stop();
    }
  } finally {
    rmSync(floorDir, { recursive: true, force: true });
  }
  if (build) await run("npx", ["next", "build"]);

  const secret = "bench-secret-bench-secret-bench-secret";
  const cookieName = "authjs.session-token";
  const token = await encode({ token: { sub: userId }, secret, salt: cookieName, maxAge: 3600 });
  const cookie = `${cookieName}=${token}`;
  const signedIn = { cookie };
  const app = await start(
    ROOT,
    APP_PORT,
    {
      DATABASE_URL: dbUrl,
      APP_URL: `http://localhost:${APP_PORT}`,
      AUTH_SECRET: secret,
      // Delivery is a separate worker's job here: the bench measures pages, not email.
      OUTBOX_POLL_SECONDS: "0",
      RESEND_API_KEY: "re_bench_not_used",
      // The API's own limits would stop a load test: here they count, but never refuse.
      API_REQUESTS_PER_MINUTE: "100000000",
      INVITATIONS_PER_HOUR: "100000000",
    },
    startFlags(),
  );
  try {
    const base = `http://127.0.0.1:${APP_PORT}`;
    await page("Home", `${base}/`, signedIn);
    await page("Subaccounts", `${base}/subaccounts`, signedIn);
    await page("Manage invitations", `${base}/subaccounts/invitations`, signedIn);
    await page(
      'Manage invitations, searched ("son4242")',
      `${base}/subaccounts/invitations?q=son4242`,
      signedIn,
    );
    await page("A subaccount's page", `${base}/subaccounts/${subaccountId}`, signedIn);
    await page("A user's page", `${base}/account/users/${memberId}`, signedIn);
    await page("Accept page (public, valid link)", `${base}/accept/${acceptToken}`);
    const bearer = { authorization: `Bearer ${apiKey}` };
    await page("API: GET /api/v1/invitations (25)", `${base}/api/v1/invitations?limit=25`, bearer);
    await page(
      "API: GET /api/v1/invitations?q=son4242",
      `${base}/api/v1/invitations?q=son4242&limit=25`,
      bearer,
    );
    const apiPost = await inviteHundred(`${base}/api/v1/invitations`, bearer);
    const server = { cookie, serverPid: app.pid };
    const exports = [
      await download("Every invitation", `${base}/subaccounts/invitations/export`, server),
      await download(
        "Expired, oldest first",
        `${base}/subaccounts/invitations/export?status=expired&sort=oldest`,
        server,
      ),
    ];
    const stalled = await stalledDownload(`${base}/subaccounts/invitations/export`, {
      ...server,
      pause: size.seconds,
    });
    return { pages, apiPost, exports, stalled };
  } finally {
    await app.stop();
  }
}
