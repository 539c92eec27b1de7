import { expect, test } from "@playwright/test";
import { admin, adminState } from "./support/accounts";
import { acceptLink, waitForEmail } from "./support/mail";

test.use({ storageState: adminState });

test("auf Deutsch: einladen, Konto anlegen, angemeldet landen", async ({ page, browser }) => {
  const email = `dora.${Date.now()}@beispiel.example`;
  await page.goto("/");
  await page.getByRole("button", { name: `${admin.firstName} ${admin.lastName}` }).click();
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.getByRole("heading", { name: /^Willkommen/ })).toBeVisible();

  try {
    await page.goto("/subaccounts/invite");
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Unterkontotyp").selectOption({ label: "Retail" });
    await expect(page.getByLabel("Sprache der Einladung")).toHaveValue("de");
    await page.getByRole("button", { name: "Einladung senden" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Einladung an ${email} gesendet.` }),
    ).toBeVisible();
    await expect(
      page.getByRole("row").filter({ hasText: email }).getByText("Ausstehend"),
    ).toBeVisible();

    const mail = await waitForEmail(email, /lädt Sie zu CertPortal ein/);
    expect(mail.text).toContain("Konto einrichten");

    const invitee = await browser.newContext({
      locale: "de-DE",
      storageState: { cookies: [], origins: [] },
    });
    const p = await invitee.newPage();
    await p.goto(acceptLink(mail));
    await expect(p.getByRole("heading", { name: "Ihr CertPortal-Konto anlegen" })).toBeVisible();
    await p.getByLabel("Vorname", { exact: true }).fill("Dora");
    await p.getByLabel("Nachname", { exact: true }).fill("Schmidt");
    await p.getByLabel("Rechtlicher Name der Organisation").fill("Beispiel GmbH");
    await p.getByLabel("Adresse", { exact: true }).fill("Hauptstraße 1");
    await p.getByLabel("Ort", { exact: true }).fill("Berlin");
    await p.getByLabel("Postleitzahl").fill("10115");
    await p.getByLabel("Land", { exact: true }).fill("Deutschland");
    await p.getByLabel("Benutzername").fill(`dora${Date.now()}`);
    await p.getByLabel("Passwort", { exact: true }).fill("kurz");
    await p.getByLabel("Passwort bestätigen").fill("kurz");
    await p.getByRole("button", { name: "Konto anlegen" }).click();
    await expect(
      p.getByRole("link", { name: "Passwort: Verwenden Sie mindestens 12 Zeichen." }),
    ).toBeVisible();
    await p.getByLabel("Passwort", { exact: true }).fill("Sicheres-Passw0rt!");
    await p.getByLabel("Passwort bestätigen").fill("Sicheres-Passw0rt!");
    await p.getByRole("button", { name: "Konto anlegen" }).click();
    await expect(p.getByRole("heading", { name: "Willkommen, Dora Schmidt" })).toBeVisible();
    await invitee.close();

    await page.goto("/subaccounts/invitations?status=accepted");
    await expect(
      page.getByRole("row").filter({ hasText: email }).getByText("Angenommen"),
    ).toBeVisible();
  } finally {
    await page.goto("/");
    await page.getByRole("button", { name: `${admin.firstName} ${admin.lastName}` }).click();
    await page.getByRole("button", { name: "English" }).click();
  }
});
