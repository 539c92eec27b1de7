import { hash, verify } from "@node-rs/argon2";

// Algorithm 2 is argon2id; the library's defaults (19 MiB, t=2) follow OWASP's minimum.
const OPTIONS = { algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("certportal-dummy-password");
  await verifyPassword(await dummyHash, password);
}
