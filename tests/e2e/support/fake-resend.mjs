// A stand-in for Resend's HTTP API on loopback. The app's real Resend transport
// (the SDK pointed here by RESEND_BASE_URL) delivers to it; browser tests read
// the messages back from GET /_test/emails.
import { createServer } from "node:http";

const port = Number(process.env.FAKE_RESEND_PORT ?? 3299);
const emails = [];
const byKey = new Map();
// While set, every send is refused as with a revoked API key.
let refuseKey = false;

createServer((req, res) => {
  const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
  if (req.method === "GET" && url.pathname === "/_test/emails") {
    const to = url.searchParams.get("to");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(to ? emails.filter((e) => e.to.includes(to)) : emails));
    return;
  }
  if (req.method === "POST" && url.pathname === "/_test/refuse-key") {
    refuseKey = url.searchParams.get("on") === "1";
    res.writeHead(204).end();
    return;
  }
  if (refuseKey && req.method === "POST" && url.pathname.startsWith("/emails")) {
    res.writeHead(401, { "content-type": "application/json" });
    res.end(
      JSON.stringify({ name: "validation_error", message: "API key is invalid", statusCode: 401 }),
    );
    return;
  }
  if (req.method === "GET" && url.pathname === "/health") {
    res.writeHead(200).end("ok");
    return;
  }
  if (req.method === "POST" && url.pathname === "/emails") {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const key = req.headers["idempotency-key"];
      let id = key ? byKey.get(key) : undefined;
      if (!id) {
        id = `fake_${emails.length + 1}`;
        const body = JSON.parse(raw);
        emails.push({ id, ...body, to: [].concat(body.to), idempotencyKey: key ?? null });
        if (key) byKey.set(key, id);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id }));
    });
    return;
  }
  if (req.method === "POST" && url.pathname === "/emails/batch") {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const key = req.headers["idempotency-key"];
      let answer = key ? byKey.get(key) : undefined;
      if (!answer) {
        // Like the real provider in permissive mode: a refused address fails alone.
        answer = { data: [], errors: [] };
        JSON.parse(raw).forEach((body, index) => {
          const to = [].concat(body.to);
          if (to.some((address) => address.endsWith("@invalid.example"))) {
            answer.errors.push({ index, message: `The address ${to[0]} is not valid.` });
            return;
          }
          const id = `fake_${emails.length + 1}`;
          emails.push({ id, ...body, to, idempotencyKey: key ?? null });
          answer.data.push({ id });
        });
        if (key) byKey.set(key, answer);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(answer));
    });
    return;
  }
  res.writeHead(404).end();
}).listen(port, "127.0.0.1");
