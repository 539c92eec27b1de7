import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { setUserTimeZone } from "./preferences";

const t = setupTestDb();
const now = new Date("2026-05-01T12:00:00Z");

describe("a user's own time zone", () => {
  it("is saved for the actor alone, and only a zone the runtime knows", async () => {
    const actor = await makeActor(t.db);
    const other = await makeActor(t.db);
    await setUserTimeZone(t.db, actor, { timeZone: "Europe/Berlin" }, now);
    await expect(
      setUserTimeZone(t.db, actor, { timeZone: "Europe/Atlantis" }, now),
    ).rejects.toMatchObject({ code: "unknown_time_zone", field: "timeZone" });
    const zone = async (userId: string) =>
      (await t.db.select().from(users).where(eq(users.id, userId)))[0]!.timeZone;
    expect(await zone(actor.userId)).toBe("Europe/Berlin");
    expect(await zone(other.userId)).toBeNull();
  });
});
