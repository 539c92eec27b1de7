import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { type Received, startReceiver } from "../helpers/webhook-receiver";
import { adminState } from "./support/accounts";

test.use({ storageState: adminState });

/** What a receiver does with a delivery: refuse it unless the signature holds. */
function verified(secret: string, delivery: Received) {
  return new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>) as {
    type: string;
    data: Record<string, unknown>;
  };
}

test("an administrator registers an endpoint, its test event arrives signed with the secret shown once, and a redelivery arrives under the same webhook-id", async ({
  page,
  context,
}) => {
  const receiver = await startReceiver();
  try {
    const stamp = Date.now();
    const url = `http://127.0.0.1:${receiver.port}/hook`;
    const description = `E2E receiver ${stamp}`;
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    // The endpoint takes every event: count only the test events (an email's
    // delivery report from another journey may arrive meanwhile).
    const tests = () =>
      receiver.received.filter(
        (r) => (JSON.parse(r.body) as { type?: string }).type === "webhook.test",
      );

    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Webhooks" })
      .click();
    await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();
    const create = page.getByRole("region", { name: "Add an endpoint" });
    await create.getByLabel("URL").fill(url);
    await create.getByLabel("Description").fill(description);
    await expect(create.getByLabel("All events, including types added later")).toBeChecked();
    await expect(create.getByLabel("On: send events to this endpoint")).toBeChecked();
    await create.getByRole("button", { name: "Add endpoint" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Endpoint ${url} added.` }),
    ).toBeVisible();
    await expect(page.getByText("will not be shown again")).toBeVisible();
    const secret = (await page.getByLabel("Signing secret", { exact: true }).innerText()).trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await page.getByRole("button", { name: "Copy secret" }).click();
    await expect(page.getByText("Copied.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const row = page.getByRole("row").filter({ hasText: description });
    await expect(row.getByText("All events")).toBeVisible();
    await expect(row.getByText("On", { exact: true })).toBeVisible();

    await page.getByRole("link", { name: new RegExp(`^Go to the endpoint ${url}`) }).click();
    await expect(page.getByRole("heading", { name: "Webhook endpoint" })).toBeVisible();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: /^Test event .* is on its way/ }),
    ).toBeVisible();

    // The receiver gets it, signed with the secret the page showed.
    await expect.poll(() => tests().length, { timeout: 20_000 }).toBe(1);
    const first = tests()[0]!;
    expect(verified(secret, first).type).toBe("webhook.test");
    const eventId = String(first.headers["webhook-id"]);
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);

    // The deliveries table shows it as succeeded, with the receiver's answer.
    const delivery = page.getByRole("row").filter({ hasText: eventId });
    await expect(async () => {
      await page.reload();
      await expect(delivery.getByText("Succeeded", { exact: true })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 20_000 });
    await expect(delivery.getByText("HTTP 200")).toBeVisible();
    await delivery.getByText("Show the answer (first KiB)").click();
    await expect(delivery.getByText("ok", { exact: true })).toBeVisible();

    // Redelivered: the same event again, under the same webhook-id.
    await delivery.getByRole("button", { name: `Redeliver webhook.test ${eventId}` }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Event ${eventId} is being sent again.` }),
    ).toBeVisible();
    await expect.poll(() => tests().length, { timeout: 20_000 }).toBe(2);
    const again = tests()[1]!;
    expect(again.headers["webhook-id"]).toBe(eventId);
    expect(verified(secret, again)).toEqual(verified(secret, first));
    await expect(page.getByRole("row").filter({ hasText: eventId })).toHaveCount(2);

    // A new secret, shown once; the old one keeps signing beside it for a day.
    await page.getByRole("button", { name: "Rotate secret" }).click();
    await page.getByRole("button", { name: "Yes, rotate secret" }).click();
    await expect(page.getByText(/The old secret keeps working for 24 hours/)).toBeVisible();
    const rotated = (await page.getByLabel("Signing secret", { exact: true }).innerText()).trim();
    expect(rotated).not.toBe(secret);
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect.poll(() => tests().length, { timeout: 20_000 }).toBe(3);
    const third = tests()[2]!;
    expect(verified(rotated, third).type).toBe("webhook.test");
    expect(verified(secret, third).type).toBe("webhook.test");

    // Nothing failed, so nothing is retried.
    await page.getByRole("button", { name: "Retry all failed since then" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "0 failed deliveries are being sent again." }),
    ).toBeVisible();

    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("button", { name: "Yes, delete endpoint" }).click();
    await expect(page).toHaveURL(/\/account\/webhooks\?deleted=1$/);
    await expect(page.getByText("Endpoint deleted.")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: description })).toHaveCount(0);
  } finally {
    await receiver.stop();
  }
});
