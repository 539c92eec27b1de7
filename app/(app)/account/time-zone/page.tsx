import type { Metadata } from "next";
import { getTimeZone, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/_components/client-messages";
import { PageHeader } from "@/app/_components/ui";
import { requireActor } from "@/lib/auth/require";
import { timeZones } from "@/lib/i18n/time";
import { TimeZoneForm } from "./time-zone-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timeZone"))("title") };
}

export default async function TimeZonePage() {
  await requireActor();
  const [t, current] = await Promise.all([getTranslations("timeZone"), getTimeZone()]);
  return (
    <ClientMessages namespaces={["timeZone"]}>
      <div className="flex max-w-xl flex-col gap-4">
        <PageHeader title={t("title")} />
        <p className="-mt-4 text-sm text-slate-600">{t("intro")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <TimeZoneForm
            zones={timeZones().includes(current) ? timeZones() : [current, ...timeZones()]}
            current={current}
          />
        </div>
      </div>
    </ClientMessages>
  );
}
