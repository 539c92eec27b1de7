import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { viewInvitationLink } from "@/lib/invitations/accept";
import { INVITATION_TTL_DAYS } from "@/lib/invitations/constants";
import { AcceptForm } from "./accept-form";
import { ClientMessages } from "@/app/_components/client-messages";
import { PriceTable } from "@/app/_components/price-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accept"))("title"), robots: { index: false } };
}

const DEAD_ENDS = {
  invalid: ["invalidTitle", "invalid"],
  replaced: ["replacedTitle", "replaced"],
  canceled: ["canceledTitle", "canceled"],
  expired: ["expiredTitle", "expired"],
  accepted: ["acceptedTitle", "accepted"],
  unavailable: ["unavailableTitle", "unavailable"],
  rate_limited: ["tooManyTitle", "tooMany"],
} as const;

// Reading the link never consumes it: mail scanners and previews open links too.
export default async function AcceptPage({ params }: PageProps<"/accept/[token]">) {
  const { token } = await params;
  const view = await viewInvitationLink(
    await getDb(),
    {
      token,
      ip: clientIp(await headers(), env().TRUSTED_PROXY_HOPS),
    },
    new Date(),
  );
  const [t, tTypes] = await Promise.all([
    getTranslations("accept"),
    getTranslations("accountTypes"),
  ]);
  if (view.state !== "valid") {
    const [title, body] = DEAD_ENDS[view.state];
    return (
      <AuthCard title={t(title)} intro={t(body, { days: INVITATION_TTL_DAYS })}>
        {view.state === "accepted" ? (
          <Link href="/sign-in" className="text-brand-700 underline">
            {t("goToSignIn")}
          </Link>
        ) : null}
      </AuthCard>
    );
  }
  const inv = view.invitation;
  return (
    <AuthCard
      wide
      title={t("title")}
      intro={
        <>
          <p>{t("intro", { organization: inv.organization, type: tTypes(inv.subaccountType) })}</p>
          {inv.customMessage ? (
            <figure className="mt-4">
              <figcaption className="text-slate-700">
                {t("invitedMessage", { inviter: inv.inviterName })}
              </figcaption>
              <blockquote className="mt-1 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap text-slate-800">
                {inv.customMessage}
              </blockquote>
            </figure>
          ) : null}
          {inv.prices ? (
            <div className="mt-4">
              <PriceTable caption={t("yourPrices")} prices={inv.prices} />
            </div>
          ) : null}
        </>
      }
    >
      <ClientMessages namespaces={["accept", "common", "organization", "password"]}>
        <AcceptForm token={token} email={inv.email} invitee={inv.invitee} />
      </ClientMessages>
    </AuthCard>
  );
}
