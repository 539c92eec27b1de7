import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  // Resolve `next` and React from the project's own node_modules.
  turbopack: { root: path.join(import.meta.dirname, "../..") },
};

export default config;
