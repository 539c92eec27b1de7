// Load over HTTP: a page or route under the bench's connections (autocannon), and
// the API's POST of a hundred addresses.
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { figures } from "./figures";
import { CLIENTS } from "./settings";

export type PageFigures = { label: string; rps: number; p50: number; p95: number; bytes: number };

/** Requests a second, p50 and p95 under load for `seconds`, and the size of one answer. */
export async function load(
  label: string,
  url: string,
  { seconds, headers }: { seconds: number; headers?: Record<string, string> },
): Promise<PageFigures> {
  const page = await fetch(url, {
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const body = await page.text();
  if (page.status !== 200) throw new Error(`${label}: ${url} answered ${page.status}`);
  // Warm up (JIT, caches), then measure.
  await autocannon({ url, connections: CLIENTS, duration: Math.min(3, seconds), headers });
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CLIENTS, duration: seconds, headers },
      (error, answer) => (error ? reject(error) : resolve(answer)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const f = figures(times);
  console.log(label, Math.round(result.requests.average), "requests/s", f);
  return {
    label,
    rps: result.requests.average,
    p50: f.p50,
    p95: f.p95,
    bytes: Buffer.byteLength(body),
  };
}

/** POST /api/v1/invitations with 100 new addresses, a few times: the emails are queued, not sent. */
export async function inviteHundred(url: string, headers: Record<string, string>) {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const emails = Array.from(
      { length: 100 },
      (_, i) => `bulk${run}.${i}.${Date.now()}@example.net`,
    );
    const started = performance.now();
    const answer = await fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ emails, subaccount_type: "retail", locale: "en" }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await answer.json()) as { created?: number };
    times.push(performance.now() - started);
    if (answer.status !== 200 || body.created !== 100)
      throw new Error(`POST of 100 addresses answered ${answer.status}, created ${body.created}`);
  }
  const posted = figures(times);
  console.log("API: POST of 100 addresses", posted);
  return posted;
}
