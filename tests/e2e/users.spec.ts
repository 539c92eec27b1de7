import { expect, test } from "@playwright/test";
import { adminState } from "./support/accounts";
import { fact } from "./support/forms";
import { setPasswordLink, waitForEmail } from "./support/mail";

test.use({ storageState: adminState });

test("an administrator adds a user, who chooses a password from the email; deactivation signs them out", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const email = `erin.${stamp}@northwind.example`;
  const username = `erin${stamp}`;

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  const add = page.getByRole("region", { name: "Add a user" });
  await add.getByLabel("First name").fill("Erin");
  await add.getByLabel("Last name").fill("Example");
  await add.getByLabel("Email address").fill(email);
  await add.getByLabel("Username").fill(username);
  await add.getByLabel("Role").selectOption({ label: "Manager" });
  // What the chosen role may do is said where it is chosen.
  await expect(add.getByLabel("Role")).toHaveAccessibleDescription(
    "Invites subaccounts, manages invitations and edits subaccount details; no billing, pricing or users.",
  );
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Erin Example was added." }),
  ).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: username });
  await expect(row.getByText("Password not set")).toBeVisible();
  // The whole row opens the user's page: who they are, and their role and access.
  await row.getByRole("cell", { name: username, exact: true }).click({ force: true });
  await expect(page.getByRole("heading", { name: "Erin Example", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/^Erin Example/);
  const overview = page.getByRole("region", { name: "Overview" });
  await expect(fact(overview, "Email address")).toHaveText(email);
  await expect(fact(overview, "Role")).toHaveText("Manager");
  await expect(fact(overview, "Status")).toHaveText("Password not set");
  await page.getByRole("link", { name: "Back to users" }).click();

  const first = setPasswordLink(await waitForEmail(email, /Your CertPortal user/));
  // A new link replaces the first one.
  await row.getByRole("button", { name: "Send new link: Erin Example" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `A new set-password link was sent to ${email}` }),
  ).toBeVisible();
  let link = first;
  await expect
    .poll(async () => {
      link = setPasswordLink(await waitForEmail(email, /Your CertPortal user/));
      return link;
    })
    .not.toBe(first);
  const erin = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p = await erin.newPage();
  await p.goto(link);
  await expect(p.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await p.getByLabel("Password", { exact: true }).fill("Erins-Passw0rd!");
  await p.getByLabel("Confirm password").fill("Erins-Passw0rd!");
  await p.getByRole("button", { name: "Set password" }).click();
  await expect(p.getByRole("heading", { name: "Welcome, Erin Example" })).toBeVisible();

  // Used once, the link no longer works; nor does the one it replaced.
  const again = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const a = await again.newPage();
  for (const old of [link, first]) {
    await a.goto(old);
    await expect(a.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  }
  await again.close();

  await page.reload();
  await expect(row.getByText("Active")).toBeVisible();
  await row.getByRole("button", { name: `Deactivate: Erin Example` }).click();
  await expect(page.getByRole("status").filter({ hasText: "User deactivated." })).toBeVisible();

  // The account's own log says who added her and as what; it offers only the
  // kinds of change an account without a parent can have.
  await page.goto("/");
  const own = page.getByRole("region", { name: "Activity of your account" });
  await expect(own.getByRole("row").filter({ hasText: "User added: Erin Example" })).toContainText(
    "Manager",
  );
  await expect(own.getByLabel("What").locator("option", { hasText: "Billing" })).toHaveCount(0);
  await page.goto("/account/users");

  // Erin's next request finds her signed out.
  await p.reload();
  await expect(p.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await erin.close();

  // The list: a search finds her by part of her address; the tabs count what it finds.
  await page.getByLabel("Search by name, username or email").fill(`erin.${stamp}@`);
  await expect(page).toHaveURL(/[?&]q=erin/);
  await expect(page.getByText("Showing 1–1 of 1", { exact: true })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Status" });
  await tabs.getByRole("link", { name: /^Active/ }).click();
  await expect(page.getByText("No users match these filters.")).toBeVisible();
  await tabs.getByRole("link", { name: /^Deactivated/ }).click();
  await expect(row).toBeVisible();
  // Ordered by last sign-in, those who never signed in come last.
  await page.getByRole("link", { name: "Reset" }).click();
  await expect(page.getByLabel("Search by name, username or email")).toHaveValue("");
  await page.getByRole("columnheader", { name: "Last sign-in" }).getByRole("link").click();
  await expect(page.getByRole("columnheader", { name: "Last sign-in" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await expect(page.getByRole("row").nth(1)).not.toContainText("Never");
});
