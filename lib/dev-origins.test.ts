import { describe, expect, it } from "vitest";
import { devOrigins, isLoopbackRequest } from "./dev-origins";

describe("development origins", () => {
  it("lets loopback, APP_URL's host and the machine's network addresses load the dev scripts", () => {
    const origins = devOrigins("http://portal.lan:3000", {
      lo: [
        {
          address: "127.0.0.1",
          family: "IPv4",
          internal: true,
          netmask: "255.0.0.0",
          mac: "00:00:00:00:00:00",
          cidr: "127.0.0.1/8",
        },
      ],
      eth0: [
        {
          address: "192.168.1.20",
          family: "IPv4",
          internal: false,
          netmask: "255.255.255.0",
          mac: "02:00:00:00:00:01",
          cidr: "192.168.1.20/24",
        },
      ],
    });
    expect(origins).toEqual(
      expect.arrayContaining(["localhost", "127.0.0.1", "portal.lan", "192.168.1.20"]),
    );
  });
  it("copes with no or a broken APP_URL", () => {
    expect(devOrigins(undefined, {})).toContain("127.0.0.1");
    expect(devOrigins("not a url", {})).toContain("localhost");
  });
});

describe("the development mailbox's own requests", () => {
  it("are those addressed to this machine's loopback, never to its network address", () => {
    const at = (host: string) => isLoopbackRequest(new Headers({ host }));
    expect([at("localhost:3000"), at("127.0.0.1:3000"), at("[::1]:3000"), at("LOCALHOST")]).toEqual(
      [true, true, true, true],
    );
    expect([
      at("192.168.1.20:3000"),
      at("portal.example"),
      at("localhost.evil.example"),
      at(""),
    ]).toEqual([false, false, false, false]);
  });
});
