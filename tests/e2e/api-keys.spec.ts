import { expect, test } from "@playwright/test";
import { admin, adminState } from "./support/accounts";

test.use({ storageState: adminState });

test("an administrator makes a key, a script invites with it over HTTP (also as CertCentral), and revoking it stops it", async ({
  page,
  context,
  request,
}) => {
  const stamp = Date.now();
  const name = `CRM ${stamp}`;
  const email = `api.${stamp}@contoso.example`;
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);

  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "API keys" })
    .click();
  await expect(page.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();
  const create = page.getByRole("region", { name: "Create an API key" });
  await create.getByLabel("Name").fill(name);
  await create
    .getByLabel("Read and write: also invite, resend, cancel and manage subaccounts")
    .check();
  await create.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await create.getByRole("button", { name: "Create key" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Key “${name}” created.` }),
  ).toBeVisible();
  const key = (await page.getByLabel("New API key").innerText()).trim();
  expect(key).toMatch(/^cp_live_[0-9A-Za-z]{40}$/);
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByText("Read and write")).toBeVisible();
  await expect(row.getByText(key.slice(0, 12))).toBeVisible();
  // The key itself is never on the page again.
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);

  const auth = { Authorization: `Bearer ${key}` };
  const invited = await request.post("/api/v1/invitations", {
    headers: { ...auth, "Idempotency-Key": `e2e-${stamp}` },
    data: { emails: [email], subaccount_type: "retail", locale: "en" },
  });
  expect(invited.status()).toBe(200);
  expect(invited.headers()["ratelimit-policy"]).toBe('"default";q=600;w=60');
  const { results } = (await invited.json()) as { results: { invitation: { id: string } }[] };
  const id = results[0]!.invitation.id;
  const listed = await request.get(
    "/services/v2/account/subaccount/invite?filters[search]=" + email,
    {
      headers: { "X-DC-DEVKEY": key },
    },
  );
  expect(
    ((await listed.json()) as { subaccount_invites: { id: string }[] }).subaccount_invites,
  ).toEqual([expect.objectContaining({ id, email, status: "pending" })]);

  // The browser names the key in the invitation's history.
  await page.goto(`/subaccounts/invitations/${id}`);
  await expect(
    page.getByText(
      `Invitation created by API key ‘${name}’ (created by ${admin.firstName} ${admin.lastName})`,
    ),
  ).toBeVisible();

  await page.goto("/account/api-keys");
  await page.getByRole("button", { name: `Revoke: ${name}` }).click();
  await page.getByRole("button", { name: "Yes, revoke key" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Key “${name}” revoked.` }),
  ).toBeVisible();
  await expect(
    page.getByRole("row").filter({ hasText: name }).getByText("Revoked", { exact: true }),
  ).toBeVisible();
  const refused = await request.get("/api/v1/me", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");

  // The reference is the app's own page, readable without a key.
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "CertPortal API reference" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^post \/invitations$/i })).toBeVisible();
});
