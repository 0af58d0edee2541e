import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { CustomerForm } from "../_components/customer-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("customers.new") };
}

export default async function NewCustomerPage() {
  await requireArea("customers");
  const { t } = await getT();
  return (
    <>
      <PageHeader title={t("customers.new")} description={t("customers.newDescription")} />
      <Card>
        <CardBody>
          <CustomerForm initial={{ fullName: "", email: "", phone: "", address: "", organization: "", locale: "vi", status: "LEAD" }} />
        </CardBody>
      </Card>
    </>
  );
}
