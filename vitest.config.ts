import { readFile } from "node:fs/promises";
import path from "node:path";
import catalogLoader from "next-intl/extractor/catalogLoader";
import { defineConfig, type Plugin } from "vitest/config";

const root = import.meta.dirname;

/**
 * The messages as `next build` hands them to the app with next-intl's
 * `precompile` (next.config.ts): each file through next-intl's own loader.
 */
function precompiledMessages(): Plugin {
  return {
    name: "precompiled-messages",
    enforce: "pre",
    async transform(_code, id) {
      if (!/[/\\]messages[/\\][a-z]+\.json$/.test(id)) return null;
      const source = await readFile(id, "utf8");
      const compiled = await new Promise<string>((resolve, reject) =>
        catalogLoader.call(
          {
            getOptions: () => ({
              messages: { format: "json", precompile: true, sourceLocale: "en" },
            }),
            async: () => (error: Error | null, result: string) =>
              error ? reject(error) : resolve(result),
            resourcePath: id,
            rootContext: root,
          } as never,
          source,
        ),
      );
      // The loader writes `export default JSON.parse("…")`: vite's JSON step wants the JSON.
      const literal = /^export default JSON\.parse\((".*")\);$/s.exec(compiled)?.[1];
      if (!literal)
        throw new Error(`next-intl's catalog loader wrote an unexpected module for ${id}`);
      return { code: JSON.parse(literal) as string, map: null };
    },
  };
}

const shared = {
  environment: "node",
  setupFiles: ["tests/setup/next.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: { alias: { "@": path.resolve(root) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: "app",
          include: ["{lib,db,emails,app,scripts,tests}/**/*.test.{ts,tsx}"],
          exclude: ["tests/e2e/**", "node_modules/**"],
          env: { NODE_ENV: "test" },
        },
      },
      {
        // The emails once more, on the messages and the formatter of the built app.
        extends: true,
        plugins: [precompiledMessages()],
        resolve: {
          alias: [
            {
              find: /^use-intl\/format-message$/,
              replacement: "use-intl/format-message/format-only",
            },
          ],
        },
        test: {
          ...shared,
          name: "emails, precompiled messages",
          include: ["lib/email/rendering.test.tsx"],
          env: { NODE_ENV: "test", MESSAGES: "precompiled" },
          server: { deps: { inline: ["use-intl"] } },
        },
      },
    ],
  },
});
