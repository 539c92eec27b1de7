import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { apiDocument, ENDPOINTS } from "./document";

describe("the OpenAPI document", () => {
  const document = apiDocument("https://portal.example");

  it("is valid OpenAPI 3.1 for an independent validator", async () => {
    const result = await validate(structuredClone(document) as never);
    expect("errors" in result ? result.errors : []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("describes every endpoint once, with an example for each request and resource", () => {
    const ids = ENDPOINTS.map((e) => e.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const schemas = document.components?.schemas ?? {};
    for (const name of ["Invitation", "InvitationSummary", "NewInvitations", "Me", "Problem"])
      expect(schemas[name], name).toBeDefined();
    for (const name of ["Invitation", "InvitationSummary", "NewInvitations", "Me"])
      expect((schemas[name] as { example?: unknown }).example, name).toBeDefined();
  });

  it("documents the refusals every operation may give as problems", () => {
    const post = document.paths?.["/invitations"]?.post;
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "401", "403", "409", "413", "415", "422", "429", "default"]),
    );
    expect(post?.parameters?.map((p) => ("name" in p ? p.name : ""))).toContain("Idempotency-Key");
  });
});
