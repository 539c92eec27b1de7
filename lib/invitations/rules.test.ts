import { describe, expect, it } from "vitest";
import type { InvitationStatus } from "@/lib/enums";
import { cancelPlan, resendPlan, shownDelivery } from "./rules";
import { expiryFor } from "./status";

const sent = new Date("2026-01-01T00:00:00Z");
const expires = expiryFor(sent);
const at = (ms: number) => new Date(expires.getTime() + ms);
const inv = (status: InvitationStatus) => ({ status, expiresAt: expires });

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
