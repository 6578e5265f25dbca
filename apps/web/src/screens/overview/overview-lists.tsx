import { Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '../../components/nlds';
import { api } from '../../api/client';
import { ActionTable } from '../../components/action-table';
import { useT } from '../../i18n';
import { type ActionFilters, actionListHref, actionQuery } from '../action-list/action-filters';
import { usePaged } from '../action-list/use-paged';
import type { Loaded, UpdateRound } from './use-overview';

const FIRST_FEW = 5;

/**
 * The first few actions behind a figure (overdue; at risk or off track), soonest deadline
 * first, and a link to all of them in the action list.
 */
export function ShortList(props: {
  id: string;
  title: string;
  programmeId: string;
  filters: ActionFilters;
  count: number;
}) {
  const t = useT();
  const key = JSON.stringify([props.programmeId, props.filters]);
  const list = usePaged(key, () =>
    api.GET('/actions', {
      params: { query: actionQuery(props.programmeId, props.filters, FIRST_FEW) },
    }),
  );
  return (
    <section aria-labelledby={props.id} aria-busy={list.status === 'loading'}>
      <Heading level={2} id={props.id}>
        {props.title} ({t.overview.actions(props.count)})
      </Heading>
      {list.status === 'failed' || list.status === 'invalid' ? (
        <Paragraph>{t.overview.partFailed}</Paragraph>
      ) : list.status === 'loading' ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : list.items.length === 0 ? (
        <Paragraph>{t.overview.listNone}</Paragraph>
      ) : (
        <>
          <ActionTable caption={props.title} actions={list.items} />
          <Paragraph>
            <Link href={actionListHref(props.filters)}>
              {t.overview.listAll(props.count, props.title.toLowerCase())}
            </Link>
          </Paragraph>
        </>
      )}
    </section>
  );
}

/** The open update rounds and how far each is: "12 van de 20 acties bijgewerkt". */
export function OpenRounds({ rounds }: { rounds: Loaded<UpdateRound[]> }) {
  const t = useT();
  const o = t.overview;
  return (
    <section aria-labelledby="uitvraagrondes" aria-busy={rounds.status === 'loading'}>
      <Heading level={2} id="uitvraagrondes">
        {o.rounds}
      </Heading>
      {rounds.status === 'loading' ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : rounds.status !== 'loaded' ? (
        <Paragraph>{o.partFailed}</Paragraph>
      ) : rounds.value.length === 0 ? (
        <Paragraph>{o.roundsNone}</Paragraph>
      ) : (
        <UnorderedList className="sbt-rounds">
          {rounds.value.map((round) => (
            <UnorderedListItem key={round.id} className="sbt-round">
              <Heading level={3}>
                <Link href={`/uitvraagrondes/${round.id}`}>{round.title}</Link>
              </Heading>
              <Paragraph>{o.roundDue(t.format.date(round.dueDate))}</Paragraph>
              <Paragraph>
                {o.roundCompletion(round.completion.updated, round.completion.total)}
              </Paragraph>
              <progress
                className="sbt-progress"
                max={Math.max(round.completion.total, 1)}
                value={round.completion.updated}
                aria-label={o.roundProgress(round.title)}
              />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
