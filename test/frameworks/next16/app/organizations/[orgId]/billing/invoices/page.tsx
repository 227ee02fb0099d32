// The host's own invoices page, where the dashboard's "View past invoices" routes
// (`links.invoices`). A static export knows its pages when it is built: Next's router goes to one
// of them in place, but loads a URL it has no page for in full (its data is not there to fetch).
export function generateStaticParams() {
  return [{ orgId: "org_acme" }];
}

export default async function Invoices({
  params,
}: PageProps<"/organizations/[orgId]/billing/invoices">) {
  const { orgId } = await params;
  return (
    <main>
      <h1>Invoices of {orgId}</h1>
    </main>
  );
}
