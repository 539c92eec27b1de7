import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { CLIENT_NAMESPACES, clientMessages } from "./client-messages";

const root = path.join(import.meta.dirname, "..", "..");
const namespaces = Object.keys(en);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}
const source = [...files(path.join(root, "app")), ...files(path.join(root, "lib"))].map((file) => ({
  file,
  text: readFileSync(file, "utf8"),
}));

/** Namespaces a text names: `useTranslations("ns")`, and keys "ns.key" / `ns.${…}`. */
function namespacesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/useTranslations\(\s*"([a-zA-Z]+)"/g)) found.add(m[1]!);
  for (const m of text.matchAll(/["`]([a-zA-Z]+)\.[a-zA-Z_$]/g))
    if (namespaces.includes(m[1]!)) found.add(m[1]!);
  return [...found];
}

describe("messages sent to the browser", () => {
  it("include every namespace a client component translates", () => {
    const client = source.filter((f) => /^["']use client["']/m.test(f.text));
    expect(client.length).toBeGreaterThan(10);
    const used = new Set(client.flatMap((f) => namespacesIn(f.text)));
    expect(
      [...used].filter((ns) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns)),
    ).toEqual([]);
  });

  it("include every namespace of the messages server actions answer with", () => {
    const actions = source.filter(
      (f) => f.file.endsWith("actions.ts") || f.file.includes(`${path.sep}lib${path.sep}actions`),
    );
    const used = new Set(
      actions
        .flatMap((f) => [...f.text.matchAll(/message:\s*["`]([a-zA-Z]+)\./g)].map((m) => m[1]!))
        // "v.…" in a schema is a validation message (see fieldErrorsOf).
        .filter((ns) => namespaces.includes(ns))
        .concat("errors", "validation"),
    );
    expect(
      [...used].filter((ns) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns)),
    ).toEqual([]);
  });

  it("leave out what only the server renders", () => {
    const sent = clientMessages(en);
    for (const ns of ["emails", "home", "invitations", "mailbox", "nav"])
      expect(sent).not.toHaveProperty(ns);
    expect(sent).toHaveProperty("errors");
  });
});
