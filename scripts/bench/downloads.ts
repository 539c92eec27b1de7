// The CSV export over HTTP: downloads read as fast as they come, and one whose
// reader stops.
import { performance } from "node:perf_hooks";
import { cpuSeconds, residentBytes } from "./processes";

export type ExportFigures = {
  label: string;
  rows: number;
  bytes: number;
  seconds: number;
  growth: number;
};
export type StalledFigures = { pause: number; cpu: number; growth: number; received: number };

/**
 * A CSV download through the app's route, read as fast as it comes: rows, size,
 * time, and how far the server's resident memory rose above where it started.
 */
export async function download(
  label: string,
  url: string,
  { cookie, serverPid }: { cookie: string; serverPid: number },
): Promise<ExportFigures> {
  const before = residentBytes(serverPid);
  let peak = before ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes(serverPid) ?? 0);
  }, 100);
  const started = performance.now();
  try {
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    if (response.status !== 200 || !response.body)
      throw new Error(`${label}: ${url} answered ${response.status}`);
    let bytes = 0;
    let lines = 0;
    const reader = response.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      bytes += part.value.byteLength;
      for (const byte of part.value) if (byte === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    // The header is a line too.
    const row = { label, rows: lines - 1, bytes, seconds, growth: before ? peak - before : NaN };
    console.log(label, row);
    return row;
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The export's backpressure: a reader that takes the first chunk and then
 * stops. Uncompressed, so that what the server makes meanwhile is only what
 * the socket buffers hold; a server that read on regardless would keep a core
 * busy for the whole pause and grow by the file's size.
 */
export async function stalledDownload(
  url: string,
  { cookie, serverPid, pause }: { cookie: string; serverPid: number; pause: number },
): Promise<StalledFigures> {
  const response = await fetch(url, {
    headers: { cookie, "accept-encoding": "identity" },
    redirect: "manual",
  });
  if (response.status !== 200 || !response.body)
    throw new Error(`${url} answered ${response.status}`);
  const reader = response.body.getReader();
  const first = await reader.read();
  // The first batch is on its way: from here the server only fills the buffers.
  await new Promise((r) => setTimeout(r, 500));
  const [cpu, rss] = [cpuSeconds(serverPid), residentBytes(serverPid)];
  await new Promise((r) => setTimeout(r, pause * 1000));
  const [cpuAfter, rssAfter] = [cpuSeconds(serverPid), residentBytes(serverPid)];
  await reader.cancel();
  const stalled = {
    pause,
    cpu: cpu === null || cpuAfter === null ? NaN : cpuAfter - cpu,
    growth: rss === null || rssAfter === null ? NaN : rssAfter - rss,
    received: first.value?.byteLength ?? 0,
  };
  console.log("Export, reader stopped", stalled);
  return stalled;
}
