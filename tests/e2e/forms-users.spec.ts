import { expect, type Page, test } from "@playwright/test";
import { admin, administratorIn } from "./support/accounts";
import { expectErrorSummary } from "./support/forms";
import { setPasswordLink, waitForEmail } from "./support/mail";
import { LANGS, messages } from "./support/messages";

for (const lang of LANGS) {
  const m = messages(lang);
  const me = administratorIn(lang);
  const other =
    lang === "en"
      ? ({ value: "de", label: "Deutsch" } as const)
      : ({ value: "en", label: "English" } as const);
  // Fiona reads the portal in the language she was added with.
  const mf = messages(other.value);

  test.describe(`users (${lang})`, () => {
    test.describe.configure({ mode: "serial" });
    test.use({ storageState: me.state });
    const stamp = `${lang}${Date.now()}`;
    const user = {
      first: "Fiona",
      last: `Finance ${stamp}`,
      email: `fiona.${stamp}@northwind.example`,
      username: `fiona.${stamp}`,
    };
    const fullName = `${user.first} ${user.last}`;
    const gus = {
      first: "Gus",
      last: `User ${stamp}`,
      email: `gus.${stamp}@northwind.example`,
      username: `gus.${stamp}`,
    };
    const gusName = `${gus.first} ${gus.last}`;
    const password = "Fiona-Passw0rd!";
    let link = "";

    test("add user: a taken username keeps role and language; the user is added with exactly them", async ({
      page,
    }) => {
      await page.goto("/account/users");
      const add = page.getByRole("region", { name: m("users.addTitle") });
      await add.getByLabel(m("users.firstName")).fill(user.first);
      await add.getByLabel(m("users.lastName")).fill(user.last);
      await add.getByLabel(m("users.email")).fill(user.email);
      await add.getByLabel(m("users.username")).fill(admin.username);
      await add.getByLabel(m("users.role")).selectOption({ label: m("roles.finance_manager") });
      await add.getByLabel(m("users.language")).selectOption({ label: other.label });
      await add.getByRole("button", { name: m("users.submit") }).click();

      await expectErrorSummary(add, m("errors.username_taken"), [
        `${m("users.username")}: ${m("errors.username_taken")}`,
      ]);
      await expect(add.getByLabel(m("users.firstName"))).toHaveValue(user.first);
      await expect(add.getByLabel(m("users.lastName"))).toHaveValue(user.last);
      await expect(add.getByLabel(m("users.email"))).toHaveValue(user.email);
      await expect(add.getByLabel(m("users.role"))).toHaveValue("finance_manager");
      await expect(add.getByLabel(m("users.language"))).toHaveValue(other.value);

      await add.getByLabel(m("users.username")).fill(user.username);
      await expect(add.getByText(m("errors.username_taken"))).toHaveCount(0);
      await add.getByRole("button", { name: m("users.submit") }).click();
      await expect(
        add.getByRole("status").filter({ hasText: m("users.added", { name: fullName }) }),
      ).toBeVisible();
      // The form is empty again for the next user.
      await expect(add.getByLabel(m("users.firstName"))).toHaveValue("");
      await expect(add.getByLabel(m("users.role"))).toHaveValue("user");
      await expect(add.getByLabel(m("users.language"))).toHaveValue(lang);

      const row = page.getByRole("row").filter({ hasText: user.username });
      await expect(row.getByLabel(m("users.changeRole", { name: fullName }))).toHaveValue(
        "finance_manager",
      );
      const mail = await waitForEmail(
        user.email,
        other.value === "de" ? /Ihr CertPortal-Benutzer/ : /Your CertPortal user/,
      );
      link = setPasswordLink(mail);

      // The emptied form adds the next user with its own defaults.
      await add.getByLabel(m("users.firstName")).fill(gus.first);
      await add.getByLabel(m("users.lastName")).fill(gus.last);
      await add.getByLabel(m("users.email")).fill(gus.email);
      await add.getByLabel(m("users.username")).fill(gus.username);
      await add.getByRole("button", { name: m("users.submit") }).click();
      await expect(
        add.getByRole("status").filter({ hasText: m("users.added", { name: gusName }) }),
      ).toBeVisible();
      await expect(
        page
          .getByRole("row")
          .filter({ hasText: gus.username })
          .getByLabel(m("users.changeRole", { name: gusName })),
      ).toHaveValue("user");
    });

    test("set password: a refused password is cleared and the problem named; then the user is signed in", async ({
      browser,
    }) => {
      const context = await browser.newContext({
        locale: lang === "de" ? "de-DE" : "en-US",
        storageState: { cookies: [], origins: [] },
      });
      const page = await context.newPage();
      // The link opens the page in the language of Fiona's email, whatever the browser's.
      await page.goto(link);
      await expect(page.locator("html")).toHaveAttribute("lang", other.value);
      await expect(page.getByText(/Password strength|Passwortstärke/)).toHaveCount(0);
      await page.getByLabel(mf("password.password"), { exact: true }).fill(`${user.username}-X1!`);
      await page.getByLabel(mf("password.confirm")).fill("something else");
      await page.getByRole("button", { name: mf("setPassword.submit") }).click();
      await expectErrorSummary(page, mf("errors.invalid_input"), [
        `${mf("password.confirm")}: ${mf("validation.passwords_differ")}`,
      ]);
      await expect(page.getByLabel(mf("password.password"), { exact: true })).toHaveValue("");
      await expect(page.getByLabel(mf("password.confirm"))).toHaveValue("");

      // The password rule is the server's: it contains the username.
      await page.getByLabel(mf("password.password"), { exact: true }).fill(`${user.username}-X1!`);
      await page.getByLabel(mf("password.confirm")).fill(`${user.username}-X1!`);
      await page.getByRole("button", { name: mf("setPassword.submit") }).click();
      await expectErrorSummary(page, mf("errors.weak_password"));
      await expect(page.getByLabel(mf("password.password"), { exact: true })).toHaveValue("");

      await page.getByLabel(mf("password.password"), { exact: true }).fill(password);
      await page.getByLabel(mf("password.confirm")).fill(password);
      await page.getByRole("button", { name: mf("setPassword.submit") }).click();
      await expect(page.getByRole("heading", { name: /Fiona/ })).toBeVisible();
      await context.close();
    });

    test("change role: after a save the select shows the saved role; a change refused for stale rights stays chosen", async ({
      page,
      browser,
    }) => {
      await page.goto("/account/users");
      const role = page
        .getByRole("row")
        .filter({ hasText: user.username })
        .getByLabel(m("users.changeRole", { name: fullName }));
      const save = (scope: Page, name: string, t = m) =>
        scope
          .getByRole("row")
          .filter({ hasText: name })
          .getByRole("button", { name: `${t("users.saveRole")}: ${name}` });
      await role.selectOption({ label: m("roles.administrator") });
      await save(page, fullName).click();
      await expect(
        page.getByRole("status").filter({ hasText: m("users.roleChanged") }),
      ).toBeVisible();
      await expect(role).toHaveValue("administrator");
      // Saving again does not bring the old role back.
      await save(page, fullName).click();
      await expect(role).toHaveValue("administrator");
      await page.reload();
      await expect(role).toHaveValue("administrator");

      // Fiona, now an Administrator, signs in and chooses a new role for Gus…
      const context = await browser.newContext({
        locale: other.value === "de" ? "de-DE" : "en-US",
        storageState: { cookies: [], origins: [] },
      });
      const fiona = await context.newPage();
      await fiona.goto("/sign-in");
      await fiona.getByLabel(mf("signIn.username")).fill(user.username);
      await fiona.getByLabel(mf("signIn.password")).fill(password);
      await fiona.getByRole("button", { name: mf("signIn.submit") }).click();
      await expect(
        fiona.getByRole("heading", { name: mf("home.title", { name: fullName }) }),
      ).toBeVisible();
      await fiona.goto("/account/users");
      const gusRole = fiona
        .getByRole("row")
        .filter({ hasText: gus.username })
        .getByLabel(mf("users.changeRole", { name: gusName }));
      await gusRole.selectOption({ label: mf("roles.manager") });
      // …while she is no longer an Administrator: the save is refused, the choice stays.
      await role.selectOption({ label: m("roles.finance_manager") });
      await save(page, fullName).click();
      await expect(role).toHaveValue("finance_manager");
      await save(fiona, gusName, mf).click();
      await expect(
        fiona.getByRole("alert").filter({ hasText: mf("errors.forbidden") }),
      ).toBeVisible();
      await expect(gusRole).toHaveValue("manager");

      // Her rights back, the same save goes through and shows the saved role.
      await role.selectOption({ label: m("roles.administrator") });
      await save(page, fullName).click();
      await expect(role).toHaveValue("administrator");
      await save(fiona, gusName, mf).click();
      await expect(
        fiona.getByRole("status").filter({ hasText: mf("users.roleChanged") }),
      ).toBeVisible();
      await expect(gusRole).toHaveValue("manager");
      await fiona.reload();
      await expect(gusRole).toHaveValue("manager");
      await context.close();
    });
  });
}
