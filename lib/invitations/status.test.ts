import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations } from "@/db/schema";
import { DISPLAY_STATUSES, INVITATION_TTL_DAYS } from "./constants";
import type { InvitationStatus } from "@/lib/enums";
import { setupTestDb } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";
import {
  displayStatus,
  invitationOrder,
  ordersByExpiry,
  expiryFor,
  lapsedCondition,
  statusCondition,
  stillPendingCondition,
} from "./status";

const t = setupTestDb();
const sent = new Date("2026-01-01T00:00:00Z");
const expires = expiryFor(sent);
const at = (ms: number) => new Date(expires.getTime() + ms);
const inv = (status: InvitationStatus) => ({ status, expiresAt: expires });

describe("invitation expiry", () => {
  it("expires exactly 30 days after it was sent", () => {
    expect(INVITATION_TTL_DAYS).toBe(30);
    expect(expires.toISOString()).toBe("2026-01-31T00:00:00.000Z");
  });

  it("is pending one second before expiry and expired at and after it", () => {
    expect(displayStatus(inv("pending"), at(-1000))).toBe("pending");
    expect(displayStatus(inv("pending"), at(0))).toBe("expired");
    expect(displayStatus(inv("pending"), at(1000))).toBe("expired");
  });

  it("keeps accepted and canceled as they are, whatever the date", () => {
    expect(displayStatus(inv("accepted"), at(1000))).toBe("accepted");
    expect(displayStatus(inv("canceled"), at(1000))).toBe("canceled");
    expect(displayStatus(inv("expired"), at(-1000))).toBe("expired");
  });
});

describe("the order of the list", () => {
  it("orders by expiry only where the list shows expiries", () => {
    expect(invitationOrder({ status: "pending", sort: "expires" })).toBe("expires");
    expect(invitationOrder({ status: "expired", sort: "expiresLatest" })).toBe("expiresLatest");
    expect(invitationOrder({ status: "accepted", sort: "expires" })).toBe("newest");
    expect(invitationOrder({ sort: "expiresLatest" })).toBe("newest");
    expect(invitationOrder({ status: "canceled", sort: "oldest" })).toBe("oldest");
  });

  it("offers the orders by expiry on the Pending and Expired tabs only", () => {
    expect(DISPLAY_STATUSES.filter(ordersByExpiry)).toEqual(["pending", "expired"]);
    expect(ordersByExpiry(undefined)).toBe(false);
  });

  it("relies on an expiry being the same time after every send", () => {
    const a = new Date("2026-03-01T10:00:00Z");
    const b = new Date("2026-03-01T10:00:01Z");
    expect(expiryFor(b).getTime() - expiryFor(a).getTime()).toBe(1000);
  });
});

describe("the SQL twins of the status rule", () => {
  it("select exactly the rows the rule shows as each status, a second either side of expiry", async () => {
    const { actor } = await invite(t.db, { email: "a@example.com", now: sent });
    const stored: InvitationStatus[] = ["pending", "pending", "accepted", "canceled", "expired"];
    for (const [i, status] of stored.entries()) {
      const { id } = await invite(t.db, { actor, email: `p${i}@example.com`, now: sent });
      // Closed rows first, so that one live row per address stays the rule.
      await t.db
        .update(invitations)
        .set({ status, expiresAt: i === 1 ? at(5000) : expires })
        .where(sql`${invitations.id} = ${id}`);
    }
    const rows = await t.db.select().from(invitations);
    for (const now of [at(-1000), at(0), at(1000), at(6000)]) {
      for (const status of DISPLAY_STATUSES) {
        const bySql = await t.db
          .select({ id: invitations.id })
          .from(invitations)
          .where(
            status === "expired"
              ? sql`(${statusCondition(status, now)}) or (${lapsedCondition(now)})`
              : statusCondition(status, now),
          );
        const byRule = rows.filter((r) => displayStatus(r, now) === status).map((r) => r.id);
        expect(bySql.map((r) => r.id).sort(), `${status} at ${now.toISOString()}`).toEqual(
          byRule.sort(),
        );
      }
      const acceptable = await t.db
        .select({ id: invitations.id })
        .from(invitations)
        .where(stillPendingCondition(now));
      expect(acceptable.map((r) => r.id).sort()).toEqual(
        rows
          .filter((r) => displayStatus(r, now) === "pending")
          .map((r) => r.id)
          .sort(),
      );
    }
  });
});
