import { describe, expect, it } from "vitest";
import { viewInvitationLink } from "@/lib/invitations/accept";
import { LIMITS } from "@/lib/rate-limit/limits";
import { setupTestDb } from "@/tests/helpers/db";
import { clientIp } from "./client-ip";

const t = setupTestDb();
const now = new Date("2026-05-01T12:00:00Z");
const xff = (value: string) => new Headers({ "x-forwarded-for": value });
const badToken = "A".repeat(43);

describe("the client address", () => {
  it("is the one the nearest trusted proxy saw, counting from the right", () => {
    expect(clientIp(xff("198.51.100.9, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIp(xff("198.51.100.9, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientIp(xff(" 203.0.113.7 "), 1)).toBe("203.0.113.7");
  });

  it("ignores what the client writes to the left, and headers a client can set alone", () => {
    for (const spoof of ["1.1.1.1", "2.2.2.2, 3.3.3.3", "not an address"])
      expect(clientIp(xff(`${spoof}, 203.0.113.7`), 1)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-real-ip": "1.1.1.1" }), 1)).toBeNull();
  });

  it("takes the leftmost entry when fewer proxies added one than are trusted", () => {
    expect(clientIp(xff("203.0.113.7"), 2)).toBe("203.0.113.7");
  });

  it("keeps rotating the leftmost entry inside one address's limit", async () => {
    let last = "";
    for (let i = 0; i <= LIMITS.badInvitationLinksPerAddress.limit; i++) {
      const ip = clientIp(xff(`10.9.${i}.1, 203.0.113.50`), 1);
      last = (await viewInvitationLink(t.db, { token: badToken, ip }, now)).state;
    }
    expect(last).toBe("rate_limited");
  });

  it("cannot lock another address out by writing it into the header", async () => {
    for (let i = 0; i <= LIMITS.badInvitationLinksPerAddress.limit; i++) {
      const ip = clientIp(xff(`198.51.100.77, 203.0.113.66`), 1);
      await viewInvitationLink(t.db, { token: badToken, ip }, now);
    }
    const victim = clientIp(xff("198.51.100.77"), 1);
    expect((await viewInvitationLink(t.db, { token: badToken, ip: victim }, now)).state).toBe(
      "invalid",
    );
  });
});

describe("an IPv6 client", () => {
  it("is one address per /64, so a prefix's many addresses share a limit", () => {
    expect(clientIp(xff("2001:db8:1:2:aaaa::1"), 1)).toBe("2001:db8:1:2::/64");
    expect(clientIp(xff("2001:db8:1:2:bbbb:cccc:dddd:eeee"), 1)).toBe("2001:db8:1:2::/64");
    expect(clientIp(xff("::ffff:203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIp(xff("::1"), 1)).toBe("0:0:0:0::/64");
  });
});
