import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import InvitationEmail from "@/emails/invitation";
import InvitationReminderEmail from "@/emails/invitation-reminder";
import { renderWithToken } from "./one-time-link";
import { renderInvitationEmail, renderInvitationReminderEmail } from "./render";

const token = () => randomBytes(32).toString("base64url");

describe("renderWithToken", () => {
  it("gives, token by token, the email rendered around each token itself, rendering the shape once", async () => {
    const props = {
      ...InvitationEmail.PreviewProps,
      locale: "de" as const,
      customMessage: "Zeile eins\nZeile <zwei> & drei",
      inviteeName: "Zoë",
    };
    const render = vi.fn((t: string) =>
      renderInvitationEmail({ ...props, acceptUrl: `https://portal.example/accept/${t}?lang=de` }),
    );
    const shape = { test: "invitation", props };
    for (const t of [token(), token(), token()]) {
      const copy = await renderWithToken(shape, t, render);
      const direct = await renderInvitationEmail({
        ...props,
        acceptUrl: `https://portal.example/accept/${t}?lang=de`,
      });
      expect(copy).toEqual(direct);
      expect(copy.html).toContain(`/accept/${t}?lang=de`);
      expect(copy.text).toContain(`/accept/${t}?lang=de`);
    }
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("renders another shape afresh: emails that differ in more than their link never share a body", async () => {
    const base = { ...InvitationReminderEmail.PreviewProps, locale: "en" as const };
    const render = (props: typeof base) => (t: string) =>
      renderInvitationReminderEmail({ ...props, acceptUrl: `https://portal.example/accept/${t}` });
    const a = await renderWithToken({ test: "reminder", ...base }, token(), render(base));
    const other = { ...base, inviteeName: "Grace", daysLeft: 1 };
    const b = await renderWithToken({ test: "reminder", ...other }, token(), render(other));
    expect(b.text).toContain("Grace");
    expect(a.text).not.toContain("Grace");
  });

  it("renders a value that is not a token as it is, without a template", async () => {
    const render = vi.fn(async (t: string) => ({ subject: t, html: `<a>${t}</a>`, text: t }));
    const odd = "short-token";
    expect(await renderWithToken({ test: "odd" }, odd, render)).toEqual({
      subject: odd,
      html: `<a>${odd}</a>`,
      text: odd,
    });
    expect(render).toHaveBeenCalledWith(odd);
  });

  it("does not keep a render that failed: the next call renders again", async () => {
    const render = vi
      .fn<(t: string) => Promise<{ subject: string; html: string; text: string }>>()
      .mockRejectedValueOnce(new Error("boom"))
      .mockImplementation(async (t) => ({ subject: "s", html: t, text: t }));
    const t = token();
    await expect(renderWithToken({ test: "fails" }, t, render)).rejects.toThrow("boom");
    expect(await renderWithToken({ test: "fails" }, t, render)).toMatchObject({ html: t });
    expect(render).toHaveBeenCalledTimes(2);
  });
});
