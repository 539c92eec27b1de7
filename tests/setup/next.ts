import type * as NextNavigation from "next/navigation";
import type * as NextServer from "next/server";
import { vi } from "vitest";

// Next's request-bound helpers, for every test: server actions run here outside a
// request. A redirect ends an action as it does in Next: by throwing.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/server", async (original) => ({
  ...(await original<typeof NextServer>()),
  // A spy: the action wrapper's after-commit work is asserted through it.
  after: vi.fn(),
}));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof NextNavigation>()),
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
}));
vi.mock("@/lib/actions/context", async () => {
  const { currentRequest } = await import("@/tests/helpers/request");
  return { requestContext: async () => currentRequest() };
});
