import { expect, test } from "@playwright/test";
import { adminState } from "./support/accounts";
import { fact } from "./support/forms";
import { acceptLink, waitForEmail } from "./support/mail";

test.use({ storageState: adminState });

test("an invitation whose email was refused shows as failed, and goes out again to the corrected address", async ({
  page,
}) => {
  const stamp = Date.now();
  const wrong = `casey.${stamp}@invalid.example`;
  const right = `casey.${stamp}@valid.example`;
  await page.goto("/subaccounts/invite");
  await page.getByLabel("Email address").fill(wrong);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: wrong })).toBeVisible();

  // The provider refuses the address: the list says so, and the filter finds it.
  await expect
    .poll(
      async () => {
        await page.goto("/subaccounts/invitations?delivery=problems");
        return page.getByRole("row").filter({ hasText: wrong }).count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  const row = page.getByRole("row").filter({ hasText: wrong });
  await expect(row).toContainText("Failed");
  await expect(page.getByLabel("Delivery")).toHaveValue("problems");

  await row.getByRole("link").first().click();
  const details = page.getByRole("region", { name: "Details" });
  await expect(fact(details, "Delivery")).toHaveText("Failed");
  const correct = page.getByRole("region", { name: "Correct address and resend" });
  await correct.getByLabel("Email address").fill(right);
  await correct.getByRole("button", { name: "Correct address and resend" }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: `Invitation sent to the corrected address ${right}.` }),
  ).toBeVisible();

  const mail = await waitForEmail(right, /invites you to CertPortal/);
  expect(acceptLink(mail)).toContain("/accept/");
  await page.reload();
  await expect(page.getByRole("heading", { name: `Invitation to ${right}` })).toBeVisible();
  await expect(fact(page.getByRole("region", { name: "Details" }), "Delivery")).toHaveText(
    /Sending|Sent/,
  );
  await expect(page.getByRole("region", { name: "Correct address and resend" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "History" })).toContainText(
    `Address corrected from ${wrong} to ${right} by Ada Admin`,
  );
});
