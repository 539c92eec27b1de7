import { expect, test } from "@playwright/test";
import { admin, adminState } from "./support/accounts";
import { sendInvitation } from "./support/invite";
import { acceptLink, FAKE_RESEND_URL, waitForEmail } from "./support/mail";

test.use({ storageState: adminState });

test("a manager invites, the invitee completes the account from the email and lands signed in", async ({
  page,
  browser,
}) => {
  const email = `bob.${Date.now()}@contoso.example`;

  await page.goto("/subaccounts");
  await page.getByRole("link", { name: "Invite subaccount" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite subaccount" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Email address").fill(email);
  // Who it is for, optionally: the email greets them, the accept form starts filled in.
  await dialog.getByLabel("First name (optional)").fill("Bob");
  await dialog.getByLabel("Last name (optional)").fill("Builder");
  await dialog.getByLabel("Company (optional)").fill("Contoso Ltd");
  await dialog.getByLabel("Subaccount type").selectOption({ label: "Enterprise" });
  await expect(dialog.getByLabel("Custom message", { exact: true })).toBeHidden();
  await dialog.getByLabel("Send custom message").check();
  await dialog
    .getByLabel("Custom message", { exact: true })
    .fill("Hi Bob,\nwelcome aboard <script>alert(1)</script>");
  await dialog.getByRole("button", { name: "Send invitation" }).click();

  await expect(page).toHaveURL(/\/subaccounts\/invitations\?sent=/);
  await expect(
    page.getByRole("status").filter({ hasText: `Invitation sent to ${email}.` }),
  ).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row.getByText("Pending")).toBeVisible();

  const mail = await waitForEmail(email, /invites you to CertPortal/);
  // From the inviter, through the portal's address; a reply reaches the inviter.
  expect(mail.from).toBe(
    `"${admin.firstName} ${admin.lastName} (${admin.accountName}) via CertPortal" <no-reply@certportal.localhost>`,
  );
  expect(mail.reply_to).toBe(admin.email);
  expect(mail.text).toContain("Hi Bob,\nwelcome aboard");
  expect(mail.text).toContain("Hello Bob,");
  expect(mail.html).not.toContain("<script>alert(1)</script>");
  const link = acceptLink(mail);
  expect(link.startsWith("http://127.0.0.1:3200/accept/")).toBe(true);

  const invitee = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p = await invitee.newPage();
  const response = await p.goto(link);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(p.getByRole("heading", { name: "Create your CertPortal account" })).toBeVisible();
  await expect(p.getByText("welcome aboard <script>alert(1)</script>")).toBeVisible();
  await expect(p.getByLabel("Email address")).toHaveValue(email);
  await expect(p.getByLabel("First name")).toHaveValue("Bob");
  await expect(p.getByLabel("Last name")).toHaveValue("Builder");
  await expect(p.getByLabel("Legal name of the organization")).toHaveValue("Contoso Ltd");

  await p.getByLabel("First name").fill("Bob");
  await p.getByLabel("Last name").fill("Builder");
  await p.getByLabel("Legal name of the organization").fill("Contoso Ltd");
  await p.getByLabel("Address", { exact: true }).fill("1 Main Street");
  await p.getByLabel("City", { exact: true }).fill("Springfield");
  await p.getByLabel("Postal code").fill("12345");
  await p.getByLabel("Country", { exact: true }).fill("United States");
  const username = `bob${Date.now()}`;
  await p.getByLabel("Username").fill(username);
  // A mismatch is caught per field and nothing typed is lost.
  await p.getByLabel("Password", { exact: true }).fill("Sturdy-Passw0rd!");
  await p.getByLabel("Confirm password").fill("Sturdy-Passw0rd?");
  await p.getByRole("button", { name: "Create account" }).click();
  await expect(
    p.getByRole("link", { name: "Confirm password: The passwords do not match." }),
  ).toBeVisible();
  await expect(p.getByLabel("Legal name of the organization")).toHaveValue("Contoso Ltd");

  await p.getByLabel("Password", { exact: true }).fill("Sturdy-Passw0rd!");
  await p.getByLabel("Confirm password").fill("Sturdy-Passw0rd!");
  await p.getByRole("button", { name: "Create account" }).click();
  await expect(p.getByRole("heading", { name: "Welcome, Bob Builder" })).toBeVisible();
  // A welcome with the next steps.
  const next = p.getByRole("region", { name: "Your account Contoso Ltd is ready" });
  await expect(next).toContainText(`sign in with your username ${username}`);
  await expect(
    next.getByRole("link", { name: "Add the people who work with you as users" }),
  ).toBeVisible();
  await expect(p.getByText("Contoso Ltd").first()).toBeVisible();

  // The link is used up.
  await p.goto(link);
  await expect(p.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();
  await waitForEmail(email, /^Welcome to CertPortal$/);
  await invitee.close();

  // The manager sees it accepted, and the new subaccount.
  await page.goto("/subaccounts/invitations?status=accepted");
  await page.getByRole("link", { name: `Accepted: details of the invitation to ${email}` }).click();
  await expect(page.getByRole("heading", { name: `Invitation to ${email}` })).toBeVisible();
  await expect(page.getByText("Accepted: subaccount created")).toBeVisible();
  await expect(page.getByRole("button", { name: "Resend invitation" })).toHaveCount(0);
  // The accepted invitation leads to the subaccount it created.
  await page.getByRole("link", { name: "Contoso Ltd" }).click();
  await expect(page.getByRole("heading", { name: "Contoso Ltd", level: 1 })).toBeVisible();
  await page.goto("/subaccounts");
  await expect(page.getByRole("row").filter({ hasText: "Contoso Ltd" })).toContainText(
    "by invitation",
  );
});

test("resend replaces the link and cancel closes it", async ({ page, browser }) => {
  const email = `carol.${Date.now()}@fabrikam.example`;
  await page.goto("/subaccounts/invite");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page).toHaveURL(/sent=/);
  const first = acceptLink(await waitForEmail(email, /invites you/));

  await page.getByRole("link", { name: `Pending: details of the invitation to ${email}` }).click();
  await page.getByRole("button", { name: "Resend invitation" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Invitation sent again to ${email}.` }),
  ).toBeVisible();
  await expect(page.getByText(/Resent by/)).toBeVisible();
  await expect
    .poll(async () => {
      const r = await fetch(`http://127.0.0.1:3299/_test/emails?to=${encodeURIComponent(email)}`);
      return ((await r.json()) as unknown[]).length;
    })
    .toBe(2);
  const second = acceptLink(await waitForEmail(email, /invites you/));
  expect(second).not.toBe(first);

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const v = await visitor.newPage();
  await v.goto(first);
  // The replaced link says what happened, not "check that you copied the whole address".
  await expect(v.getByRole("heading", { name: "This link was replaced" })).toBeVisible();
  await expect(
    v.getByText(
      "A newer invitation was sent, so this link no longer works. Use the link in the latest email.",
    ),
  ).toBeVisible();

  await page.getByRole("button", { name: "Cancel invitation" }).click();
  await page.getByRole("button", { name: "Yes, cancel invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation canceled." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Resend invitation" })).toHaveCount(0);

  await v.goto(second);
  await expect(v.getByRole("heading", { name: "This invitation was canceled" })).toBeVisible();
  // The replaced link, too, now says that the invitation was canceled.
  await v.goto(first);
  await expect(v.getByRole("heading", { name: "This invitation was canceled" })).toBeVisible();
  await visitor.close();
});

test("inviting an address again says so once, at the field, and Resend it now sends the pending invitation again", async ({
  page,
}) => {
  const email = `dora.${Date.now()}@example.com`;
  await sendInvitation(page, email);
  await page.goto("/subaccounts/invite");
  await page.getByLabel("Email address").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Send invitation" }).click();
  const field = page.getByLabel("Email address");
  await expect(field).toBeFocused();
  await expect(field).toHaveAccessibleDescription(
    "A pending invitation to this address already exists.",
  );
  await expect(page.getByText("A pending invitation to this address already exists.")).toHaveCount(
    1,
  );
  await page.getByRole("button", { name: "Resend it now" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Invitation sent to ${email}.` }),
  ).toBeVisible();
  await expect
    .poll(async () => {
      const r = await fetch(`${FAKE_RESEND_URL}/_test/emails?to=${encodeURIComponent(email)}`);
      return ((await r.json()) as unknown[]).length;
    })
    .toBe(2);
});
