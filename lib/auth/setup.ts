import { isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, setupCodes } from "@/db/schema";
import type { Locale } from "@/lib/enums";
import { insertUser } from "@/lib/users/create";
import { SetupError } from "./errors";
import { hashPassword } from "./password";
import { assertStrongPassword } from "./password-policy";
import { isSetupOpen, isValidSetupCode } from "./setup-code";

export { isSetupOpen };

export type SetupInput = {
  accountName: string;
  firstName: string;
  lastName: string;
  email: string;
  username: string;
  password: string;
  locale: Locale;
};

type SetupAccess = { codeRequired: boolean; setupCode?: string | null };

/** Setup is open until the first account exists and, on a public host, only with the code. */
async function assertSetupAllowed(db: Db, access: SetupAccess, now: Date) {
  if (!(await isSetupOpen(db))) throw new SetupError("setup_closed");
  if (
    access.codeRequired &&
    !(access.setupCode && (await isValidSetupCode(db, access.setupCode, now)))
  )
    throw new SetupError("setup_code_invalid", "setupCode");
}

/** First run: the top-level partner account and its Administrator. Closed once any account exists. */
export async function completeSetup(
  db: Db,
  input: SetupInput,
  now: Date,
  /** On a public host, the one-time code from the server's log (see setup-code.ts). */
  access: SetupAccess = { codeRequired: false },
): Promise<{ accountId: string; userId: string }> {
  assertStrongPassword(input.password, input);
  // Checked before the (costly) hash as well as inside the transaction: once set
  // up, or without the code, the public form costs nothing.
  await assertSetupAllowed(db, access, now);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Two browsers submitting the setup form at once must not make two partner accounts.
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    await assertSetupAllowed(tx, access, now);
    // Used once: no code opens setup again.
    await tx.delete(setupCodes).where(isNotNull(setupCodes.id));
    const [account] = await tx
      .insert(accounts)
      .values({
        name: input.accountName,
        type: "reseller",
        createdVia: "setup",
        allowedSubaccountTypes: ["enterprise", "reseller", "retail", "managed"],
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: accounts.id });
    const userId = await insertUser(tx, {
      accountId: account!.id,
      username: input.username,
      email: input.email,
      passwordHash,
      firstName: input.firstName,
      lastName: input.lastName,
      role: "administrator",
      locale: input.locale,
      now,
    });
    return { accountId: account!.id, userId };
  });
}
