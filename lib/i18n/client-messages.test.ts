import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { clientNamespacesOf, projectRoot } from "@/tests/helpers/client-graph";
import { clientMessages } from "./client-messages";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^(page|layout|default|not-found|error)\.tsx$/.test(name) ? [full] : [];
  });
}

/** The namespaces a route file hands its client components through <ClientMessages>. */
function handed(text: string): string[] {
  return [...text.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)].flatMap((m) =>
    [...m[1]!.matchAll(/"([a-zA-Z]+)"/g)].map((n) => n[1]!),
  );
}

describe("messages sent to the browser", () => {
  const routes = routeFiles(path.join(projectRoot, "app"));

  it.each(routes.map((file) => [path.relative(projectRoot, file), file]))(
    "%s hands its client components every namespace they translate",
    (_name, file) => {
      const { translates, namespaces } = clientNamespacesOf(file);
      const given = handed(readFileSync(file, "utf8"));
      if (!translates) return;
      expect(given.length, "a <ClientMessages namespaces={[…]}> around the page").toBeGreaterThan(
        0,
      );
      const missing = namespaces.filter((ns) => !given.includes(ns));
      expect(missing).toEqual([]);
    },
  );

  it("finds the client components of a page through its imports", () => {
    const invite = clientNamespacesOf(
      path.join(projectRoot, "app", "(app)", "subaccounts", "invite", "page.tsx"),
    );
    expect(invite.translates).toBe(true);
    expect(invite.namespaces).toEqual(expect.arrayContaining(["invite", "accountTypes"]));
    const list = clientNamespacesOf(
      path.join(projectRoot, "app", "(app)", "subaccounts", "page.tsx"),
    );
    expect(list.translates).toBe(false);
  });

  it("sends only the namespaces asked for: a form's answer comes in words", () => {
    expect(Object.keys(clientMessages(en, ["invite", "accountTypes"])).sort()).toEqual([
      "accountTypes",
      "invite",
    ]);
  });
});
