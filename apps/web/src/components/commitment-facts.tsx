import type { ReactNode } from 'react';
import type { Schemas } from '../api/client';
import { type Messages, useT } from '../i18n';
import { Link } from './nlds';

type Commitment = Schemas['CommitmentResponse'];
type Reference = Schemas['CommitmentReferenceResponse'];

/**
 * Where a Kamerstuk is published: the official publications site names its pages after the
 * dossier and number (kst-29362-296), the form the API stores them in.
 */
export function kamerstukUrl(kamerstuk: string): string {
  return `https://zoek.officielebekendmakingen.nl/kst-${encodeURIComponent(kamerstuk)}.html`;
}

/** One source of a commitment: the document, its date, and a link to it or its Kamerstuk. */
export function CommitmentSource({ reference }: { reference: Reference }) {
  const t = useT();
  const document = reference.date
    ? t.action.sourceDated(reference.document, t.format.date(reference.date))
    : reference.document;
  if (reference.kamerstuk) {
    return (
      <>
        {document}:{' '}
        <Link href={reference.url ?? kamerstukUrl(reference.kamerstuk)}>
          {t.action.kamerstuk(reference.kamerstuk)}
        </Link>
      </>
    );
  }
  return reference.url ? <Link href={reference.url}>{document}</Link> : <>{document}</>;
}

/**
 * The fields of the commitment's kind, in words (the API's attributes per kind). Each may be
 * missing: a commitment recorded before a field existed, or imported, still opens.
 * Shared by the action page's commitment section and the commitment's own page.
 */
export function commitmentAttributeItems(
  commitment: Commitment,
  t: Messages,
  organisationName: (id: string) => string | undefined,
): Array<{ key: ReactNode; value: ReactNode }> {
  const labels = t.action.attributes;
  const items: Array<{ key: ReactNode; value: ReactNode }> = [];
  const add = (key: string, value: ReactNode | undefined) => {
    if (value !== undefined && value !== null && value !== '') items.push({ key, value });
  };
  switch (commitment.kind) {
    case 'udo_trajectory': {
      const a = commitment.attributes as Partial<Schemas['UdoTrajectoryAttributes']>;
      add(labels.billOrPolicy, a.billOrPolicy);
      if (a.leadMinistryId)
        add(labels.leadMinistry, organisationName(a.leadMinistryId) ?? t.action.unknown);
      add(labels.phase, a.phase && t.action.udoPhase[a.phase]);
      add(labels.outcome, a.outcome);
      break;
    }
    case 'bofv_agreement': {
      const a = commitment.attributes as Partial<Schemas['BofvAgreementAttributes']>;
      add(labels.meetingDate, a.meetingDate && t.format.date(a.meetingDate));
      if (a.financialEffect) {
        const effect = a.financialEffect;
        add(
          labels.financialEffect,
          t.action.financialEffect(effect.amountEuroPerYear, effect.fromYear, effect.toYear),
        );
      }
      break;
    }
    case 'overhedenoverleg_agreement': {
      const a = commitment.attributes as Partial<Schemas['OverhedenoverlegAgreementAttributes']>;
      add(labels.meetingDate, a.meetingDate && t.format.date(a.meetingDate));
      break;
    }
    case 'rob_recommendation': {
      const a = commitment.attributes as Partial<Schemas['RobRecommendationAttributes']>;
      add(labels.adviceTitle, a.adviceTitle);
      add(labels.recommendationNumber, a.recommendationNumber?.toString());
      add(labels.cabinetResponse, a.cabinetResponse && t.action.cabinetResponse[a.cabinetResponse]);
      break;
    }
    case 'parliamentary_pledge': {
      const a = commitment.attributes as Partial<Schemas['ParliamentaryPledgeAttributes']>;
      add(labels.chamber, a.chamber && t.action.chamber[a.chamber]);
      add(labels.pledgeNumber, a.pledgeNumber);
      add(labels.ministerTitle, a.ministerTitle);
      break;
    }
    case 'agenda_item':
      break;
  }
  return items;
}
