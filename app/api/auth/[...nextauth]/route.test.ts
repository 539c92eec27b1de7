import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET } from "./route";

// Auth.js itself is not what is tested here (lib/auth/*.test.ts run it): which GETs reach it is.
vi.mock("@/lib/auth/next-auth", () => ({
  handlers: {
    GET: async () => new Response("Auth.js", { headers: { "set-cookie": "renewed=1" } }),
    POST: async () => new Response("Auth.js"),
  },
}));

const get = (path: string) => GET(new NextRequest(`http://localhost:3000${path}`));

describe("GET /api/auth/*", () => {
  it("never answers the session, so a cookie is never issued anew with a later expiry", async () => {
    for (const path of ["/api/auth/session", "/api/auth/session/"]) {
      const answer = await get(path);
      expect(answer.status).toBe(404);
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
  });

  it("leaves Auth.js its other endpoints", async () => {
    const answer = await get("/api/auth/csrf");
    expect(await answer.text()).toBe("Auth.js");
  });
});
