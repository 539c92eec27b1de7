import { expect, test } from "@playwright/test";
import { adminState } from "./support/accounts";
import { setPasswordLink, waitForEmail } from "./support/mail";

test.use({ storageState: adminState });

test("a user sees every time in their own zone: the browser's from the first sign-in, then the one they choose", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const email = `tess.${stamp}@northwind.example`;
  const username = `tess${stamp}`;
  await page.goto("/account/users");
  const add = page.getByRole("region", { name: "Add a user" });
  await add.getByLabel("First name").fill("Tess");
  await add.getByLabel("Last name").fill("Zone");
  await add.getByLabel("Email address").fill(email);
  await add.getByLabel("Username").fill(username);
  await add.getByLabel("Role").selectOption({ label: "Administrator" });
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tess Zone was added." })).toBeVisible();
  const link = setPasswordLink(await waitForEmail(email, /Your CertPortal user/));

  // Her browser is in New York: her first sign-in takes its zone.
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    timezoneId: "America/New_York",
    locale: "en-US",
  });
  const tess = await context.newPage();
  await tess.goto(link);
  await tess.getByLabel("Password", { exact: true }).fill("Zoned-Passw0rd!");
  await tess.getByLabel("Confirm password").fill("Zoned-Passw0rd!");
  await tess.getByRole("button", { name: "Set password" }).click();
  await expect(tess.getByRole("heading", { name: /Tess Zone/ })).toBeVisible();

  await tess.goto("/account/users");
  const herRow = tess.getByRole("row").filter({ hasText: username });
  // Her last sign-in, labelled with her zone (EST or EDT, by the season).
  await expect(herRow).toContainText(/\d{1,2}:\d{2} [AP]M E[SD]T/);
  await tess.getByRole("button", { name: "Tess Zone" }).click();
  await expect(tess.getByText("Time zone: America/New_York")).toBeVisible();

  // She chooses Berlin in the user menu: every time follows.
  await tess.getByRole("link", { name: "Change time zone" }).click();
  await tess.getByLabel("Time zone").selectOption("Europe/Berlin");
  await tess.getByRole("button", { name: "Save time zone" }).click();
  await expect(
    tess.getByRole("status").filter({ hasText: "Time zone saved: Europe/Berlin." }),
  ).toBeVisible();
  await tess.goto("/account/users");
  await expect(tess.getByRole("row").filter({ hasText: username })).toContainText(
    /\d{1,2}:\d{2} [AP]M GMT\+[12]/,
  );
  await context.close();
});
