import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { admin, adminState } from "./support/accounts";
import { acceptLink, waitForEmail } from "./support/mail";
import { serverLog } from "./support/server-log";

test.use({ storageState: adminState });

test("the server's output never holds an invitation token or a password", async ({
  page,
  browser,
}) => {
  const email = `quiet.${Date.now()}@logs.example`;
  const password = `Quiet-Passw0rd-${Date.now()}!`;
  await page.goto("/subaccounts/invite");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: email })).toBeVisible();
  const link = acceptLink(await waitForEmail(email, /invites you to CertPortal/));
  const token = link.split("/accept/")[1]!;

  const invitee = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p = await invitee.newPage();
  await p.goto(link);
  await p.getByLabel("First name").fill("Quinn");
  await p.getByLabel("Last name").fill("Quiet");
  await p.getByLabel("Legal name of the organization").fill("Quiet Ltd");
  await p.getByLabel("Address", { exact: true }).fill("1 Hush Lane");
  await p.getByLabel("City", { exact: true }).fill("Silence");
  await p.getByLabel("Postal code").fill("12345");
  await p.getByLabel("Country", { exact: true }).fill("United States");
  // A refused attempt first (passwords that differ), then the real one.
  await p.getByLabel("Username").fill(`quinn${Date.now()}`);
  await p.getByLabel("Password", { exact: true }).fill(password);
  await p.getByLabel("Confirm password").fill(`${password}x`);
  await p.getByRole("button", { name: "Create account" }).click();
  await expect(
    p.getByRole("link", { name: "Confirm password: The passwords do not match." }),
  ).toBeVisible();
  await p.getByLabel("Password", { exact: true }).fill(password);
  await p.getByLabel("Confirm password").fill(password);
  await p.getByRole("button", { name: "Create account" }).click();
  await expect(p.getByRole("heading", { name: "Welcome, Quinn Quiet" })).toBeVisible();
  await invitee.close();

  const log = readFileSync(serverLog(3200), "utf8");
  expect(log.length).toBeGreaterThan(0);
  for (const secret of [token, password, admin.password]) expect(log).not.toContain(secret);
});
