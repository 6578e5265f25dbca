import { type ReactNode, useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import {
  DataList,
  Heading,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { type Messages, useT } from '../../i18n';
import type { Names } from './use-names';

type Commitment = Schemas['CommitmentResponse'];
type Reference = Schemas['CommitmentReferenceResponse'];

type CommitmentState =
  { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; commitment: Commitment };

function useCommitment(id: string): CommitmentState {
  const [state, setState] = useState<CommitmentState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void api
      .GET('/commitments/{id}', { params: { path: { id } } })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => {
        if (current) setState(data ? { status: 'loaded', commitment: data } : { status: 'failed' });
      });
    return () => {
      current = false;
    };
  }, [id]);
  return state;
}

/**
 * Where a Kamerstuk is published: the official publications site names its pages after the
 * dossier and number (kst-29362-296), the form the API stores them in.
 */
function kamerstukUrl(kamerstuk: string): string {
  return `https://zoek.officielebekendmakingen.nl/kst-${encodeURIComponent(kamerstuk)}.html`;
}

function Source({ reference }: { reference: Reference }) {
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
 */
function attributeItems(
  commitment: Commitment,
  t: Messages,
  names: Names,
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
        add(labels.leadMinistry, names.organisation(a.leadMinistryId) ?? t.action.unknown);
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

/** The commitment the action carries out: what was agreed, by whom, and where it is on record. */
export function CommitmentSection({
  commitmentId,
  names,
}: {
  commitmentId: string | null;
  names: Names;
}) {
  const t = useT();
  return (
    <section aria-labelledby="afspraak">
      <Heading level={2} id="afspraak">
        {t.action.commitment}
      </Heading>
      {commitmentId ? (
        <CommitmentDetails id={commitmentId} names={names} />
      ) : (
        <Paragraph>{t.action.commitmentNone}</Paragraph>
      )}
    </section>
  );
}

function CommitmentDetails({ id, names }: { id: string; names: Names }) {
  const t = useT();
  const state = useCommitment(id);
  if (state.status !== 'loaded') {
    return <Paragraph>{state.status === 'failed' ? t.action.partFailed : t.app.loading}</Paragraph>;
  }
  const { commitment } = state;
  return (
    <>
      <DataList
        items={[
          { key: t.action.commitmentTitle, value: commitment.title },
          { key: t.action.commitmentKind, value: t.commitmentKind[commitment.kind] },
          ...(commitment.dateAgreed
            ? [{ key: t.action.dateAgreed, value: t.format.date(commitment.dateAgreed) }]
            : []),
          ...attributeItems(commitment, t, names),
          {
            key: t.action.parties,
            value:
              commitment.parties.length > 0
                ? commitment.parties.map((party) => party.name).join(', ')
                : t.action.none,
          },
        ]}
      />
      {commitment.description && (
        <Paragraph className="sbt-text">{commitment.description}</Paragraph>
      )}
      <Heading level={3} id="bronnen">
        {t.action.sources}
      </Heading>
      {commitment.references.length > 0 ? (
        <UnorderedList aria-labelledby="bronnen">
          {commitment.references.map((reference, index) => (
            <UnorderedListItem key={index}>
              <Source reference={reference} />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>{t.action.sourcesNone}</Paragraph>
      )}
      {commitment.lineage.length > 0 && (
        <Lineage title={t.action.lineage} id="bouwt-voort-op" items={commitment.lineage} />
      )}
      {commitment.laterCommitments.length > 0 && (
        <Lineage
          title={t.action.laterCommitments}
          id="later-voortgebouwd"
          items={commitment.laterCommitments}
        />
      )}
    </>
  );
}

function Lineage({
  title,
  id,
  items,
}: {
  title: string;
  id: string;
  items: Schemas['CommitmentLineageResponse'][];
}) {
  const t = useT();
  return (
    <>
      <Heading level={3} id={id}>
        {title}
      </Heading>
      <UnorderedList aria-labelledby={id}>
        {items.map((item) => (
          <UnorderedListItem key={item.commitmentId}>
            {item.title} ({t.action.lineageRelation[item.relation]})
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}
