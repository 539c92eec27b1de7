// The report: the tables on the console, and (unless a smoke run) the section
// between the bench markers of docs/performance.md.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BulkFigures } from "./bulk";
import type { QueryRow } from "./database";
import { ms, num } from "./figures";
import type { HttpFigures } from "./http";
import type { PageFigures } from "./load";
import { CLIENTS, PERFORMANCE_DOC, SMALL, type Size } from "./settings";

const table = (header: string[], rows: string[][]) =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map((h, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

export function report({
  size,
  seedSeconds,
  queries,
  http,
  bulk,
  write,
}: {
  size: Size;
  seedSeconds: number;
  queries: QueryRow[];
  /** Null when the bulk part did not run. */
  bulk: BulkFigures | null;
  /** Null when the HTTP part did not run. */
  http: HttpFigures | null;
  /** Write docs/performance.md (not after a smoke run). */
  write: boolean;
}) {
  const httpRows = http?.pages ?? [];
  const exportRows = http?.exports ?? [];
  const stalledExport = http?.stalled ?? null;
  const apiPost = http?.apiPost ?? null;
  const dbTable = table(
    [
      "query",
      `p50 at ${num(size.invitations)}`,
      "p95",
      "raw SQL p50",
      "raw SQL p95",
      `p50 at ${num(SMALL.invitations)}`,
      "p95",
    ],
    queries.map((r) => [
      r.label,
      ms(r.big.p50),
      ms(r.big.p95),
      r.floor ? ms(r.floor.p50) : "—",
      r.floor ? ms(r.floor.p95) : "—",
      ms(r.small.p50),
      ms(r.small.p95),
    ]),
  );
  const floor = httpRows.find((r) => r.label.startsWith("Floor"));
  // The API's rows are measured against the bare route handler, the pages' against the bare page.
  const apiFloor = httpRows.find((r) => r.label.startsWith("API floor"));
  const floorOf = (r: PageFigures) => (r.label.startsWith("API") ? apiFloor : floor);
  const httpTable = table(
    ["page", "requests/s", "of the floor", "p50 ms", "p95 ms", "body"],
    httpRows.map((r) => [
      r.label,
      num(Math.round(r.rps)),
      floorOf(r) ? `${Math.round((100 * r.rps) / floorOf(r)!.rps)} %` : "—",
      ms(r.p50),
      ms(r.p95),
      `${(r.bytes / 1024).toFixed(1)} KB`,
    ]),
  );
  const exportTable = table(
    [
      "CSV export of Manage invitations",
      "rows",
      "size",
      "seconds",
      "rows/s",
      "server memory growth",
    ],
    exportRows.map((r) => [
      r.label,
      num(r.rows),
      `${(r.bytes / 1024 / 1024).toFixed(1)} MB`,
      r.seconds.toFixed(1),
      num(Math.round(r.rows / r.seconds)),
      Number.isNaN(r.growth) ? "—" : `${(r.growth / 1024 / 1024).toFixed(0)} MB`,
    ]),
  );
  console.log(`\n${dbTable}\n`);
  if (httpRows.length) console.log(`${httpTable}\n`);
  if (exportRows.length) console.log(`${exportTable}\n`);
  if (stalledExport) console.log("Export, reader stopped:", stalledExport);
  if (apiPost) console.log("API: POST of 100 addresses (ms):", apiPost);
  const bulkLine = bulk
    ? `A bulk upload of ${num(bulk.rows)} rows (${(bulk.bytes / 1024 / 1024).toFixed(1)} MB, one in ten refused) to the account of ${num(size.invitations)} invitations: checked (parsed, every row's checks, the pending and user probes) in ${bulk.previewSeconds.toFixed(2)} s, queued as a batch in ${bulk.queueSeconds.toFixed(2)} s, and worked through by one worker (each invitation made, its email rendered and queued, not sent) in ${bulk.runSeconds.toFixed(1)} s; the heap grew by ${(bulk.heapGrowth / 1024 / 1024).toFixed(0)} MB at most meanwhile.`
    : null;
  if (bulkLine) console.log(bulkLine);
  if (!write) return;
  const section = [
    "<!-- bench:start (written by `npm run bench`) -->",
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: PostgreSQL on the same host, ${CLIENTS} clients for the HTTP part. One partner account holds ${num(size.invitations)} invitations and ${num(size.subaccounts)} subaccounts; another account holds ${num(size.invitations)} more invitations in the same tables; a small account (${num(SMALL.invitations)} invitations, ${num(SMALL.subaccounts)} subaccounts) gives the comparison column. Seeded in ${seedSeconds.toFixed(0)} s. Times in milliseconds, ${size.runs} runs each (writes: ${size.writes}); "raw SQL" replays the statements the call sent through a bare \`pg\` client.`,
    "",
    dbTable,
    "",
    ...(bulkLine ? [bulkLine, ""] : []),
    ...(httpRows.length
      ? [
          `Pages from the production build (\`next start\`), ${CLIENTS} signed-in connections for ${size.seconds} s each (autocannon), HTML without compression:`,
          "",
          httpTable,
          "",
          ...(apiPost
            ? [
                `\`POST /api/v1/invitations\` with 100 new addresses (each invited through the use case, its email rendered and queued, not sent): p50 ${ms(apiPost.p50)} ms, p95 ${ms(apiPost.p95)} ms over ${3} requests.`,
                "",
              ]
            : []),
        ]
      : []),
    ...(exportRows.length
      ? [
          "The CSV export through its route, one download at a time, read as fast as it comes; memory growth is the highest resident size of the server during the download less its size before:",
          "",
          exportTable,
          "",
          ...(stalledExport
            ? [
                `A reader that takes the first chunk and then stops reading (uncompressed): over the next ${stalledExport.pause} s the server used ${stalledExport.cpu.toFixed(2)} s of CPU and its resident memory changed by ${(stalledExport.growth / 1024 / 1024).toFixed(0)} MB; it makes no more than the socket's buffers hold until the reader goes on.`,
                "",
              ]
            : []),
        ]
      : []),
    "<!-- bench:end -->",
  ].join("\n");
  const doc = readFileSync(PERFORMANCE_DOC, "utf8");
  const updated = /<!-- bench:start[\s\S]*?<!-- bench:end -->/.test(doc)
    ? doc.replace(/<!-- bench:start[\s\S]*?<!-- bench:end -->/, section)
    : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(PERFORMANCE_DOC, updated);
  console.log(`written to ${path.relative(process.cwd(), PERFORMANCE_DOC)}`);
}
