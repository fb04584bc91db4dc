import type { Metadata } from "next";
import { ElectionCrumbs, LoginList } from "@/components/elections/election-links";
import { OFFER_STATUS_LABEL } from "@/components/elections/labels";
import { PageHeader, RefusedPage } from "@/components/ui/page-header";
import { EmptyState, Section } from "@/components/ui/section";
import { DateOnly, DateTime } from "@/components/ui/time";
import { getOfferChains } from "@/lib/elections/vacancy-offers";
import { loadByIdForPage } from "@/app/_lib/load-for-page";
import { ActionForm } from "@/components/ui/action-form";
import { OFFER_RESPOND_DAYS } from "@/lib/elections/schemas";
import { offerVacancyAction } from "../../actions";

export const metadata: Metadata = { title: "Vacancy offers" };

/** For the election's officers: seats it filled that fell vacant, and each one's offers to runners-up in order. */
export default async function VacancyOffersPage({ params }: { params: Promise<{ id: string }> }) {
  const { value: chains, refusal } = await loadByIdForPage(params, getOfferChains);
  if (refusal) return <RefusedPage title="Vacancy offers" reason={refusal.message} />;
  const e = chains.election;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Vacancy offers: ${e.title}`}
        compact
        eyebrow={<ElectionCrumbs e={e} current="Vacancy offers" />}
      />
      <Section id="runners-up-h" title="Runners-up, in order" plain>
        {chains.runnersUp.length ? (
          <LoginList logins={chains.runnersUp} className="list-decimal space-y-1 pl-6 text-sm" />
        ) : (
          <EmptyState>This election has no runners-up.</EmptyState>
        )}
      </Section>
      <Section id="vacancies-h" title="Vacated seats" plain>
        {chains.vacancies.length === 0 ? (
          <EmptyState>No seat this election filled has fallen vacant before the end of its term.</EmptyState>
        ) : (
          <ul className="space-y-6">
            {chains.vacancies.map((v) => (
              <li key={v.id} id={`vacancy-${v.id}`} className="space-y-3">
                <h3 className="font-semibold">
                  Seat of @{v.holder}, term until <DateOnly date={v.termEndAt} />
                </h3>
                {v.offers.length === 0 ? (
                  <p className="text-sm text-slate-700">Not offered yet.</p>
                ) : (
                  <div className="overflow-x-auto">
                    <table className="w-full text-left text-sm">
                      <caption className="sr-only">Offers for the seat of @{v.holder}, in order</caption>
                      <thead>
                        <tr>
                          <th scope="col">Runner-up</th>
                          <th scope="col">Status</th>
                          <th scope="col">Answer by</th>
                        </tr>
                      </thead>
                      <tbody>
                        {v.offers.map((o) => (
                          <tr key={o.id}>
                            <td>
                              {o.rank}. @{o.login}
                            </td>
                            <td>{OFFER_STATUS_LABEL[o.status] ?? o.status}</td>
                            <td>
                              <DateTime iso={o.respondBy.toISOString()} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {v.canOffer && (
                  <ActionForm
                    action={offerVacancyAction}
                    label="Offer this seat to the next runner-up"
                    compact
                    hidden={{ electionId: e.id, assignmentId: v.id }}
                    fields={[
                      {
                        name: "respondDays",
                        label: "Days to answer",
                        type: "number",
                        defaultValue: String(OFFER_RESPOND_DAYS.default),
                        hint: `Between ${OFFER_RESPOND_DAYS.min} and ${OFFER_RESPOND_DAYS.max}. Each later runner-up gets the same time.`,
                      },
                    ]}
                    submit="Offer to the next runner-up"
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
