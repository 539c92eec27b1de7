import { expect, test } from "@playwright/test";
import { adminState } from "./support/accounts";
import { setPasswordLink, waitForEmail } from "./support/mail";

test.use({ storageState: adminState });

test("Forgot password? sends a one-time link to the user's email and says the same for a username that does not exist", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const email = `fay.${stamp}@northwind.example`;
  const username = `fay${stamp}`;
  await page.goto("/account/users");
  const add = page.getByRole("region", { name: "Add a user" });
  await add.getByLabel("First name").fill("Fay");
  await add.getByLabel("Last name").fill("Forgetful");
  await add.getByLabel("Email address").fill(email);
  await add.getByLabel("Username").fill(username);
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Fay Forgetful was added." }),
  ).toBeVisible();

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p = await visitor.newPage();
  await p.goto("/sign-in");
  await p.getByRole("link", { name: "Forgot password?" }).click();
  await expect(p.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();

  // An unknown username gets the same answer: nothing tells whether it exists.
  await p.getByLabel("Username").fill(`nobody${stamp}`);
  await p.getByRole("button", { name: "Send link" }).click();
  await expect(p.getByRole("status")).toContainText(
    `If nobody${stamp} is a user here, a link to choose a new password is on its way`,
  );
  await p.getByLabel("Username").fill(username);
  await p.getByRole("button", { name: "Send link" }).click();
  await expect(p.getByRole("status")).toContainText(`If ${username} is a user here`);

  const link = setPasswordLink(await waitForEmail(email, /Reset your CertPortal password/));
  await p.goto(link);
  await p.getByLabel("Password", { exact: true }).fill("Remembered-Passw0rd!");
  await p.getByLabel("Confirm password").fill("Remembered-Passw0rd!");
  await p.getByRole("button", { name: "Set password" }).click();
  await expect(p.getByRole("heading", { name: /Fay Forgetful/ })).toBeVisible();
  await visitor.close();
});
