import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { startReceiver } from "@/tests/helpers/webhook-receiver";
import { addressAllowed, checkUrl, DestinationRefused, resolveDestination } from "./destination";
import { pinnedLookup, retryable, sendWebhook, succeeded } from "./send";
import { newSigningSecret } from "./signing";

const local = { allowLoopback: true };
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  stops.push(r.stop);
  return r;
}

const message = (url: string, secrets: string[]) => ({
  url,
  secrets,
  id: "7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a",
  sentAt: new Date(),
  body: JSON.stringify({
    type: "invitation.accepted",
    timestamp: new Date().toISOString(),
    data: { id: "x" },
  }),
});

describe("a webhook delivery", () => {
  it("is signed as Standard Webhooks says, with each secret in use", async () => {
    const r = await receiver();
    const [current, rotated] = [newSigningSecret(), newSigningSecret()];
    expect(current).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const attempt = await sendWebhook(message(r.url, [current, rotated]), local);
    expect(succeeded(attempt)).toBe(true);
    const [got] = r.received;
    expect(got!.headers["webhook-id"]).toBe("7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a");
    const headers = got!.headers as Record<string, string>;
    // An independent library verifies it, with either secret.
    for (const secret of [current, rotated])
      expect(new Webhook(secret).verify(got!.body, headers)).toMatchObject({
        type: "invitation.accepted",
      });
    expect(() => new Webhook(newSigningSecret()).verify(got!.body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${got!.body} `, headers)).toThrow();
  });

  it("says what the receiver answered, keeps a KiB of it, and retries only what may succeed later", async () => {
    const statuses = [500, 429, 408, 409, 400, 410, 302];
    let next = 0;
    const r = await receiver((_got, res) => {
      const status = statuses[next++]!;
      res.writeHead(status, {
        ...(status === 429 ? { "retry-after": "120" } : {}),
        ...(status === 302 ? { location: "http://10.0.0.1/" } : {}),
      });
      res.end("x".repeat(5000));
    });
    const attempts = [];
    for (const _ of statuses)
      attempts.push(await sendWebhook(message(r.url, [newSigningSecret()]), local));
    expect(attempts.map((a) => (a.kind === "answered" ? a.status : a.kind))).toEqual(statuses);
    expect(attempts.map(retryable)).toEqual([true, true, true, true, false, false, false]);
    expect(attempts[1]).toMatchObject({ retryAfterSeconds: 120 });
    expect(attempts[0]).toMatchObject({ excerpt: "x".repeat(1024) });
    // The redirect is not followed: one request each, none elsewhere.
    expect(r.received).toHaveLength(statuses.length);
  });

  it("ends an answer that is no answer: an offer to switch protocols, a body dripping past the deadline", async () => {
    const switching = await receiver((_got, res) => {
      res.socket!.write(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n",
      );
    });
    const switched = await sendWebhook(message(switching.url, [newSigningSecret()]), {
      ...local,
      timeoutMs: 500,
    });
    expect(switched.kind).toBe("failed");
    const dripping = await receiver((_got, res) => {
      res.writeHead(200);
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write("x")), 50);
    });
    const dripped = await sendWebhook(message(dripping.url, [newSigningSecret()]), {
      ...local,
      timeoutMs: 400,
    });
    expect(dripped.kind).not.toBe("refused");
    expect(dripped.durationMs).toBeLessThan(2000);
  });

  it("gives up on a receiver that does not answer in time, and stops reading a flood", async () => {
    const silent = await receiver(() => {});
    const slow = await sendWebhook(message(silent.url, [newSigningSecret()]), {
      ...local,
      timeoutMs: 300,
    });
    expect(slow).toMatchObject({ kind: "failed", reason: "timeout" });
    expect(retryable(slow)).toBe(true);

    let written = 0;
    const flood = await receiver((_got, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(16 * 1024, 97);
      const pump = () => {
        while (written < 50 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (written < 50 * 1024 * 1024) res.once("drain", pump);
        else res.end();
      };
      pump();
    });
    const flooded = await sendWebhook(message(flood.url, [newSigningSecret()]), local);
    expect(flooded).toMatchObject({ kind: "answered", status: 200 });
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it("never reaches this machine or a private network, however the address is written", async () => {
    const r = await receiver();
    const port = r.port;
    const refused = [
      "http://10.0.0.1/",
      "https://10.0.0.1/",
      "https://172.16.0.1/",
      "https://192.168.1.1/",
      "https://169.254.169.254/latest/meta-data/",
      "https://[::1]/",
      "https://[fc00::1]/",
      "https://[fe80::1]/",
      "https://[::ffff:127.0.0.1]/",
      "https://[::ffff:10.0.0.1]/",
      "https://[::a00:1]/",
      "https://[64:ff9b::a00:1]/",
      "https://[::1:0:0:0]/",
      "https://[2001:db8::1]/",
      "https://100.64.0.1/",
      "https://0.0.0.0/",
      "https://224.0.0.1/",
      `https://127.0.0.1:${port}/`,
      "https://127.0.0.2/",
    ];
    for (const url of refused) {
      const attempt = await sendWebhook(message(url, [newSigningSecret()]), {
        allowLoopback: false,
      });
      expect(attempt, url).toMatchObject({ kind: "refused" });
      expect(retryable(attempt)).toBe(false);
    }
    // With the development setting, only 127.0.0.1 and ::1 themselves.
    expect(addressAllowed("127.0.0.1", true)).toBe(true);
    expect(addressAllowed("::1", true)).toBe(true);
    for (const address of ["127.0.0.2", "::ffff:127.0.0.1", "10.0.0.1", "169.254.169.254"])
      expect(addressAllowed(address, true), address).toBe(false);
    expect(addressAllowed("93.184.215.14", false)).toBe(true);
    expect(addressAllowed("2606:4700::1111", false)).toBe(true);
    // Plain HTTP only to the local receiver the setting allows; never credentials.
    expect(() => checkUrl("http://hooks.example.com/", local)).toThrow(DestinationRefused);
    expect(() => checkUrl("https://user:pw@hooks.example.com/", local)).toThrow(DestinationRefused);
    expect(() => checkUrl("ftp://hooks.example.com/", local)).toThrow(DestinationRefused);
    expect(r.received).toHaveLength(0);
  });

  it("refuses a name that resolves to a private address, if any of its addresses is one", async () => {
    const url = new URL("https://hooks.example.com/in");
    const resolves =
      (...addresses: string[]) =>
      async () =>
        addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    await expect(
      resolveDestination(url, { allowLoopback: false, resolve: resolves("10.1.2.3") }),
    ).rejects.toMatchObject({ reason: "private_address", address: "10.1.2.3" });
    await expect(
      resolveDestination(url, {
        allowLoopback: false,
        resolve: resolves("93.184.215.14", "::ffff:192.168.0.1"),
      }),
    ).rejects.toMatchObject({ reason: "private_address" });
    await expect(
      resolveDestination(url, { allowLoopback: false, resolve: resolves("93.184.215.14") }),
    ).resolves.toEqual({ address: "93.184.215.14", family: 4 });
    // The real resolver: this machine's name for itself is refused too.
    await expect(
      resolveDestination(new URL("https://localhost/"), { allowLoopback: false }),
    ).rejects.toMatchObject({ reason: "private_address" });
  });

  it("connects to the address it checked, not to what the name resolves to later", async () => {
    let calls = 0;
    // A rebinding name: public when checked, private when asked again.
    const rebinding = async () => [
      { address: calls++ === 0 ? "93.184.215.14" : "10.0.0.1", family: 4 },
    ];
    const rules = { allowLoopback: false, resolve: rebinding };
    const target = await resolveDestination(new URL("https://rebind.example/"), rules);
    expect(calls).toBe(1);
    // The socket asks the pinned lookup, which never resolves again.
    const lookup = pinnedLookup(target);
    const answers = await new Promise((resolve) =>
      lookup("rebind.example", { all: true }, (_e, addresses) => resolve(addresses)),
    );
    expect(answers).toEqual([{ address: "93.184.215.14", family: 4 }]);
    expect(calls).toBe(1);
  });
});
