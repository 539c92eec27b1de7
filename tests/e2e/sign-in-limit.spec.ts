import { expect, test } from "@playwright/test";

test("repeated failed sign-ins for one username are stopped with a clear message", async ({
  page,
}) => {
  await page.goto("/sign-in");
  const username = `guesser${Date.now()}`;
  // One attempt at a time: wait for each answer before typing the next password.
  const submit = () =>
    Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill(`Wrong-${attempt}-passw0rd`);
    await submit();
    await expect(
      page.getByRole("alert").filter({ hasText: "The username or password is not correct." }),
    ).toBeVisible();
    // The answer empties the password field; type the next guess only after it has.
    await expect(page.getByLabel("Password")).toHaveValue("");
  }
  await page.getByLabel("Password").fill("Wrong-11-passw0rd");
  await submit();
  await expect(
    page.getByRole("alert").filter({ hasText: "Too many failed sign-in attempts" }),
  ).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveValue(username);
});
