import { AuthError } from "@auth/core/errors";

/** Where to send someone whose new account exists but whose automatic sign-in was refused. */
export const READY_TO_SIGN_IN = "/sign-in?ready=1";

/**
 * Signs in with the credentials just chosen (accepting an invitation, setting a
 * password). The account exists by now, so a refused sign-in (a rate limit, an
 * account deactivated meanwhile) is no error: the person is asked to sign in.
 * `signIn` ends in Next.js's redirect on success, which must propagate.
 */
export async function signInAfterSetup(
  signIn: () => Promise<unknown>,
  redirect: (to: string) => never,
): Promise<void> {
  try {
    await signIn();
  } catch (error) {
    if (error instanceof AuthError) redirect(READY_TO_SIGN_IN);
    throw error;
  }
}
