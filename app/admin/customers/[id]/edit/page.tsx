import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { revealContact } from "@/lib/customers/mutations";
import { getCustomer } from "@/lib/customers/queries";
import { getT } from "@/lib/i18n/server";
import { CustomerForm } from "../../_components/customer-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("customers.edit") };
}

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("customers");
  const { t } = await getT();
  const customer = await getCustomer(actor, (await params).id);
  if (!customer || customer.status === "ERASED") notFound();
  // Editing needs the real phone and address: opening the editor counts as revealing them — but
  // only when the person came from one of our pages, so another site cannot make it happen.
  if (customer.masked && (await headers()).get("sec-fetch-site") !== "same-origin") {
    return (
      <>
        <PageHeader title={t("customers.edit")} description={customer.fullName ?? customer.email ?? undefined} />
        <Card>
          <CardBody className="space-y-3">
            <p className="text-sm text-zinc-700">{t("customers.revealToEdit")}</p>
            <Link href={`/admin/customers/${customer.id}/edit`} className={buttonVariants()}>
              {t("customers.continueToEdit")}
            </Link>
          </CardBody>
        </Card>
      </>
    );
  }
  const contact = customer.masked ? await revealContact(actor, customer.id) : customer;
  return (
    <>
      <PageHeader title={t("customers.edit")} description={customer.fullName ?? customer.email ?? undefined} />
      <Card>
        <CardBody>
          <CustomerForm
            customerId={customer.id}
            emailLocked={actor.role !== "COMPLIANCE"}
            initial={{
              fullName: customer.fullName ?? "",
              email: customer.email ?? "",
              phone: contact.phone ?? "",
              address: contact.address ?? "",
              organization: customer.organization ?? "",
              locale: customer.locale,
              status: customer.status === "ACTIVE" ? "ACTIVE" : "LEAD",
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
