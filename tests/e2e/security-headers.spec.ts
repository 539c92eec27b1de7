import { expect, test } from "@playwright/test";
import { admin } from "./support/accounts";

test("every page carries a nonce-based CSP and the other security headers; token pages send no referrer", async ({
  page,
  request,
}) => {
  const response = (await page.goto("/sign-in"))!;
  const headers = response.headers();
  const csp = headers["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  // Next.js's own scripts carry this request's nonce, and the page works under the policy.
  const html = await response.text();
  expect(html).toContain(`nonce="${nonce}"`);
  const second = await request.get("/sign-in");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
  await page.getByLabel("Username").fill(admin.username);
  await expect(page.getByLabel("Username")).toHaveValue(admin.username);

  // A prefetch, an API answer and a file carry them too, though the proxy never sees a prefetch.
  for (const answer of [
    await request.get("/sign-in", { headers: { "next-router-prefetch": "1", rsc: "1" } }),
    await request.get("/api/v1/me"),
    await request.get("/icon.svg"),
  ]) {
    const h = answer.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["strict-transport-security"]).toContain("max-age=");
  }

  const token = await request.get(`/accept/${"A".repeat(43)}`);
  expect(token.headers()["referrer-policy"]).toBe("no-referrer");
  expect(token.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("a server action posted from another origin is refused", async ({ page }) => {
  await page.goto("/sign-in");
  let status = 0;
  await page.route("**/sign-in", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch({
      headers: { ...route.request().headers(), origin: "https://evil.example" },
    });
    status = response.status();
    await route.fulfill({ response });
  });
  await page.getByLabel("Username").fill(admin.username);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => status).toBeGreaterThanOrEqual(400);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(false);

  // From the app's own origin the same form signs in.
  await page.unroute("**/sign-in");
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(admin.username);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
});
