import { describe, expect, it } from "vitest";
import {
  canAccept,
  cancelPlan,
  displayStatus,
  expiryFor,
  INVITATION_TTL_DAYS,
  resendPlan,
  type StoredStatus,
  shownDelivery,
} from "./rules";

const sent = new Date("2026-01-01T00:00:00Z");
const expires = expiryFor(sent);
const at = (ms: number) => new Date(expires.getTime() + ms);
const inv = (status: StoredStatus) => ({ status, expiresAt: expires });

describe("invitation expiry", () => {
  it("expires exactly 30 days after it was sent", () => {
    expect(INVITATION_TTL_DAYS).toBe(30);
    expect(expires.toISOString()).toBe("2026-01-31T00:00:00.000Z");
  });

  it("is pending one second before expiry and expired at and after it", () => {
    expect(displayStatus(inv("pending"), at(-1000))).toBe("pending");
    expect(displayStatus(inv("pending"), at(0))).toBe("expired");
    expect(displayStatus(inv("pending"), at(1000))).toBe("expired");
    expect(canAccept(inv("pending"), at(-1000))).toBe(true);
    expect(canAccept(inv("pending"), at(1000))).toBe(false);
  });

  it("keeps accepted and canceled as they are, whatever the date", () => {
    expect(displayStatus(inv("accepted"), at(1000))).toBe("accepted");
    expect(displayStatus(inv("canceled"), at(1000))).toBe("canceled");
    expect(displayStatus(inv("expired"), at(-1000))).toBe("expired");
  });
});

describe("resend", () => {
  const now = at(5 * 24 * 3600 * 1000);
  it("is allowed for a pending invitation and gives a new 30-day window", () => {
    const early = at(-1000);
    expect(resendPlan(inv("pending"), early)).toEqual({
      status: "pending",
      lastSentAt: early,
      expiresAt: expiryFor(early),
    });
  });
  it("is allowed for an expired invitation", () => {
    expect(resendPlan(inv("pending"), now).expiresAt).toEqual(expiryFor(now));
    expect(resendPlan(inv("expired"), now).status).toBe("pending");
  });
  it("refuses to resend an accepted invitation", () => {
    expect(() => resendPlan(inv("accepted"), now)).toThrow(
      expect.objectContaining({ code: "invitation_not_resendable" }),
    );
  });
  it("refuses to resend a canceled invitation", () => {
    expect(() => resendPlan(inv("canceled"), now)).toThrow(
      expect.objectContaining({ code: "invitation_not_resendable" }),
    );
  });
});

describe("cancel", () => {
  it("is allowed for pending and expired invitations", () => {
    expect(cancelPlan(inv("pending"), at(-1000)).status).toBe("canceled");
    expect(cancelPlan(inv("pending"), at(1000)).status).toBe("canceled");
    expect(cancelPlan(inv("expired"), at(1000)).status).toBe("canceled");
  });
  it("refuses to cancel an accepted invitation", () => {
    expect(() => cancelPlan(inv("accepted"), at(0))).toThrow(
      expect.objectContaining({ code: "invitation_not_cancelable" }),
    );
  });
  it("refuses to cancel a canceled invitation again", () => {
    expect(() => cancelPlan(inv("canceled"), at(0))).toThrow(
      expect.objectContaining({ code: "invitation_not_cancelable" }),
    );
  });
});

describe("delivery beside a status", () => {
  it("shows none for a canceled invitation whose email was withdrawn, and the state otherwise", () => {
    expect(shownDelivery("canceled", "sending")).toBeNull();
    expect(shownDelivery("canceled", "delivered")).toBe("delivered");
    expect(shownDelivery("pending", "sending")).toBe("sending");
  });
});
