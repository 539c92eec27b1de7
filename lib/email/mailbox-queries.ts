import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { devMailbox } from "@/db/schema";

export function listMailbox(db: Db, limit = 100) {
  return db
    .select({
      id: devMailbox.id,
      toAddress: devMailbox.toAddress,
      subject: devMailbox.subject,
      createdAt: devMailbox.createdAt,
    })
    .from(devMailbox)
    .orderBy(desc(devMailbox.createdAt))
    .limit(limit);
}

export async function getMailboxMessage(db: Db, id: string) {
  const [row] = await db.select().from(devMailbox).where(eq(devMailbox.id, id));
  return row ?? null;
}
