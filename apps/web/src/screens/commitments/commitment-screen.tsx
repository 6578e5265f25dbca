import { useEffect, useRef } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { type Action, ActionTable } from '../../components/action-table';
import { AttachmentsSection } from '../../components/attachments-section';
import { CommitmentSource, commitmentAttributeItems } from '../../components/commitment-facts';
import {
  Button,
  DataList,
  Heading,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useAttachments } from '../../components/use-attachments';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { usePagedList } from '../action/use-paged-list';
import { NotFoundScreen } from '../not-found/not-found-screen';
import { LineageSection } from './lineage-tree';
import { RollupSection } from './rollup-section';
import {
  type Commitment,
  mayManageCommitments,
  useCommitment,
  useOrganisationName,
  useOrganisations,
} from './use-commitment';

/**
 * Toezegging: one commitment with its kind's fields, its progress (the roll-up of its actions),
 * sources, lineage and actions.
 */
export default function CommitmentScreen() {
  const t = useT();
  const { id = '' } = useParams();
  const state = useCommitment(id);
  usePageTitle(state.status === 'loaded' ? state.commitment.title : t.commitments.title);
  if (state.status === 'notFound') return <NotFoundScreen />;
  // The heading stays the same element from loading to loaded: the shell focuses it after a
  // navigation, and focus must not drop to the page when the commitment arrives.
  return (
    <>
      <Heading level={1}>
        {state.status === 'loaded' ? state.commitment.title : t.commitments.title}
      </Heading>
      {state.status === 'loaded' ? (
        <CommitmentPage key={state.commitment.id} commitment={state.commitment} />
      ) : (
        <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>
      )}
    </>
  );
}

function CommitmentPage({ commitment }: { commitment: Commitment }) {
  const t = useT();
  const c = t.commitments;
  const { role } = useProgrammeRole();
  const organisationName = useOrganisationName(useOrganisations());
  const attachments = useAttachments({ kind: 'commitment', id: commitment.id });
  return (
    <>
      {commitment.description && (
        <Paragraph className="sbt-text">{commitment.description}</Paragraph>
      )}
      {mayManageCommitments(role) && (
        <Paragraph>
          <Link href={`/toezeggingen/${commitment.id}/bewerken`}>{c.edit}</Link>
        </Paragraph>
      )}
      <section aria-labelledby="gegevens">
        <Heading level={2} id="gegevens">
          {c.details}
        </Heading>
        <DataList
          items={[
            { key: t.action.commitmentKind, value: t.commitmentKind[commitment.kind] },
            {
              key: t.action.dateAgreed,
              value: commitment.dateAgreed ? t.format.date(commitment.dateAgreed) : c.notKnown,
            },
            ...commitmentAttributeItems(commitment, t, organisationName),
            {
              key: t.action.parties,
              value:
                commitment.parties.length > 0
                  ? commitment.parties.map((party) => party.name).join(', ')
                  : t.action.none,
            },
          ]}
        />
      </section>
      <RollupSection commitment={commitment} />
      <section aria-labelledby="bronnen">
        <Heading level={2} id="bronnen">
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
      </section>
      <AttachmentsSection
        subject={{ kind: 'commitment', id: commitment.id }}
        list={attachments}
        mayChange={mayManageCommitments(role)}
      />
      <LineageSection commitment={commitment} />
      <ActionsSection
        commitment={commitment}
        mayAdd={role === 'coordinator' || role === 'editor'}
      />
    </>
  );
}

/** The actions that carry the commitment out, page after page (GET /actions?commitment=). */
function ActionsSection({ commitment, mayAdd }: { commitment: Commitment; mayAdd: boolean }) {
  const t = useT();
  const c = t.commitments;
  const list = usePagedList<Action>(commitment.id, async (cursor) => {
    const { data } = await api.GET('/actions', {
      params: {
        query: {
          programme: commitment.programmeId,
          commitment: commitment.id,
          sort: 'deadline',
          limit: 50,
          cursor,
        },
      },
    });
    return data;
  });
  // After "load more" the first new action takes the focus: the button goes away on the last
  // page, and focus must not drop to the page (WCAG 2.4.3).
  const section = useRef<HTMLElement>(null);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || list.items.length <= from) return;
    focusFrom.current = null;
    section.current?.querySelectorAll<HTMLElement>('tbody tr a')[from]?.focus();
  }, [list.items]);
  return (
    <section ref={section} aria-labelledby="acties" aria-busy={list.status === 'loading'}>
      <Heading level={2} id="acties">
        {c.actions}
      </Heading>
      {/* Editors may add actions their own organisation owns; the action form offers those. */}
      {mayAdd && (
        <Paragraph>
          <Link href={`/acties/nieuw?commitment=${commitment.id}`}>{c.addAction}</Link>
        </Paragraph>
      )}
      {list.status === 'failed' ? (
        <Paragraph>{c.actionsFailed}</Paragraph>
      ) : list.status === 'loading' && list.items.length === 0 ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : list.items.length === 0 ? (
        <Paragraph>{c.actionsNone}</Paragraph>
      ) : (
        <>
          <Paragraph>{c.actionsIntro}</Paragraph>
          <ActionTable caption={c.actions} actions={list.items} />
          <Paragraph>
            <Link href={`/acties?commitment=${commitment.id}`}>{c.allActions}</Link>
          </Paragraph>
        </>
      )}
      {list.hasMore && (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            focusFrom.current = list.items.length;
            list.loadMore();
          }}
        >
          {c.moreActions}
        </Button>
      )}
    </section>
  );
}
