import { expect, test } from "@playwright/test";
import { adminState } from "./support/accounts";
import { FAKE_RESEND_URL, waitForEmail } from "./support/mail";

test.use({ storageState: adminState });

test("a refused API key pauses email: the health check and Administrators say so, and once fixed the queued invitation goes out", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const email = `held.${Date.now()}@paused.example`;
  await fetch(`${FAKE_RESEND_URL}/_test/refuse-key?on=1`, { method: "POST" });
  try {
    await page.goto("/subaccounts/invite");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status").filter({ hasText: email })).toBeVisible();

    const banner = page.getByRole("alert").filter({ hasText: "Email delivery is paused" });
    await expect
      .poll(
        async () => {
          await page.goto("/");
          return banner.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await expect(banner).toContainText("API key is invalid");
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ email: "paused" });
    // Nothing failed: the invitation is still on its way.
    await page.goto(`/subaccounts/invitations?q=${encodeURIComponent(email)}`);
    await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Sending");
  } finally {
    await fetch(`${FAKE_RESEND_URL}/_test/refuse-key?on=0`, { method: "POST" });
  }

  // The key works again: at the next probe (within a minute) the queued email goes out.
  await waitForEmail(email, /invites you to CertPortal/, 100_000);
  await page.goto("/");
  await expect(page.getByRole("alert").filter({ hasText: "Email delivery is paused" })).toHaveCount(
    0,
  );
  expect(await (await request.get("/api/health")).json()).toMatchObject({ email: "running" });
});
