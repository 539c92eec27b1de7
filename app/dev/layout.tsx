import type { ReactNode } from "react";

// The development mailbox stands outside the signed-in shell: an invitee
// testing a link has no session. It exists only while the mailbox is on.
export default function DevLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-5xl p-4 md:p-8">
      {children}
    </main>
  );
}
