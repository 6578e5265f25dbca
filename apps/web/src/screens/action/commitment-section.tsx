import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import {
  DataList,
  Heading,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { CommitmentSource, commitmentAttributeItems } from '../../components/commitment-facts';
import { useT } from '../../i18n';
import type { Names } from './use-names';

type Commitment = Schemas['CommitmentResponse'];

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
          ...commitmentAttributeItems(commitment, t, (id) => names.organisation(id)),
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
      <Paragraph>
        <Link href={`/toezeggingen/${commitment.id}`}>{t.commitments.open}</Link>
      </Paragraph>
      <Heading level={3} id="bronnen">
        {t.action.sources}
      </Heading>
      {commitment.references.length > 0 ? (
        <UnorderedList aria-labelledby="bronnen">
          {commitment.references.map((reference, index) => (
            <UnorderedListItem key={index}>
              <CommitmentSource reference={reference} />
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
            <Link href={`/toezeggingen/${item.commitmentId}`}>{item.title}</Link> (
            {t.action.lineageRelation[item.relation]})
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}
