import { describe, expect, it } from "vitest";
import type { InvitationStatus } from "@/lib/enums";
import {
  canSendAgain,
  cancelPlan,
  extendedExpiry,
  extendPlan,
  invitationActions,
  resendPlan,
  shownDelivery,
} from "./rules";
import { addDays, expiryFor } from "./status";

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

describe("extend", () => {
  const pending = { status: "pending" as const, sentAt: sent, expiresAt: expires };
  it("moves a pending invitation's expiry 30 days later", () => {
    expect(extendPlan(pending, at(-1000))).toEqual({ expiresAt: addDays(expires, 30) });
  });
  it("never takes it past 90 days after it was first sent", () => {
    const twice = { ...pending, expiresAt: addDays(sent, 70) };
    expect(extendPlan(twice, at(0 - 1000)).expiresAt).toEqual(addDays(sent, 90));
    expect(extendedExpiry({ sentAt: sent, expiresAt: addDays(sent, 90) })).toBeNull();
    expect(() => extendPlan({ ...pending, expiresAt: addDays(sent, 90) }, at(0))).toThrow(
      expect.objectContaining({ code: "invitation_extension_limit" }),
    );
  });
  it("refuses one a late resend already took past the ceiling", () => {
    const resentLate = { ...pending, expiresAt: addDays(sent, 110) };
    expect(() => extendPlan(resentLate, at(0))).toThrow(
      expect.objectContaining({ code: "invitation_extension_limit" }),
    );
  });
  it.each(["accepted", "canceled", "expired"] as const)("refuses a %s invitation", (status) => {
    expect(() => extendPlan({ ...pending, status }, at(-1000))).toThrow(
      expect.objectContaining({ code: "invitation_not_extendable" }),
    );
  });
  it("refuses a pending one past its expiry: it shows as expired", () => {
    expect(() => extendPlan(pending, at(1000))).toThrow(
      expect.objectContaining({ code: "invitation_not_extendable" }),
    );
  });
});

describe("send again", () => {
  it("is offered for expired and canceled invitations only", () => {
    expect(canSendAgain(inv("canceled"), at(-1000))).toBe(true);
    expect(canSendAgain(inv("expired"), at(-1000))).toBe(true);
    expect(canSendAgain(inv("pending"), at(1000))).toBe(true);
    expect(canSendAgain(inv("pending"), at(-1000))).toBe(false);
    expect(canSendAgain(inv("accepted"), at(-1000))).toBe(false);
  });
});

describe("what an invitation offers", () => {
  const row = (status: InvitationStatus) => ({
    ...inv(status),
    sentAt: sent,
    deliveryStatus: "delivered" as const,
  });
  it("offers Extend on a pending one and Send again on a closed one, to a manager", () => {
    const manager = { role: "manager" as const };
    expect(invitationActions(manager, row("pending"), at(-1000))).toMatchObject({
      extend: true,
      sendAgain: false,
    });
    expect(invitationActions(manager, row("canceled"), at(-1000))).toMatchObject({
      extend: false,
      sendAgain: true,
    });
    expect(invitationActions(manager, row("accepted"), at(-1000))).toMatchObject({
      extend: false,
      sendAgain: false,
    });
  });
  it("offers neither to a Finance manager", () => {
    const finance = { role: "finance_manager" as const };
    expect(invitationActions(finance, row("pending"), at(-1000))).toMatchObject({
      extend: false,
      sendAgain: false,
    });
    expect(invitationActions(finance, row("expired"), at(-1000)).sendAgain).toBe(false);
  });
});
