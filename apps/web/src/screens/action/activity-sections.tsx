import { type ReactNode, useEffect, useRef, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import {
  Button,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { type Messages, useT } from '../../i18n';
import { CitedEvidence, FileFacts, fileEntryTitle } from './history-attachments';
import type { Names } from './use-names';
import { type PagedList, usePagedList } from './use-paged-list';

type ProgressUpdate = Schemas['ProgressUpdateResponse'];
type Comment = Schemas['CommentResponse'];
type HistoryEntry = Schemas['HistoryEntryResponse'];

const PAGE = 50;

/** A recorded value as text: strings as they are, anything else as JSON. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A word from one of the vocabularies (status, health…), or the value itself if unknown. */
function word(words: Record<string, string>, value: unknown): string {
  return words[text(value)] ?? text(value);
}

/** "Name (Organisation)" for a person the programme knows, else what is known. */
export function who(
  t: Messages,
  names: Names,
  userId: string | null | undefined,
  organisationId: string | null | undefined,
): string {
  const person = names.person(userId);
  const organisation = names.organisation(organisationId);
  if (person && organisation) return t.action.personOf(person, organisation);
  return person ?? organisation ?? t.action.unknown;
}

function When({ iso }: { iso: string }) {
  const t = useT();
  return <time dateTime={iso}>{t.format.dateTime(iso)}</time>;
}

/**
 * A list section's body: loading, failed, empty, the items, and "load more". When the last
 * page comes, the button goes: a line saying that all is shown takes its place and the focus
 * (WCAG 2.4.3), which would otherwise fall to the page.
 */
export function ListBody<T>({
  list,
  empty,
  children,
}: {
  list: PagedList<T>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const t = useT();
  const [extended, setExtended] = useState(false);
  const focusWhenLoaded = useRef(false);
  const end = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!focusWhenLoaded.current) return;
    focusWhenLoaded.current = false;
    if (list.status === 'loaded' && !list.hasMore) end.current?.focus();
  }, [list.items, list.status, list.hasMore]);
  if (list.status === 'failed') return <Paragraph>{t.action.partFailed}</Paragraph>;
  if (list.status === 'loading' && list.items.length === 0)
    return <Paragraph>{t.app.loading}</Paragraph>;
  if (list.items.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <>
      {children(list.items)}
      {list.hasMore ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            focusWhenLoaded.current = true;
            setExtended(true);
            list.loadMore();
          }}
        >
          {t.action.more}
        </Button>
      ) : (
        extended && (
          <Paragraph ref={end} tabIndex={-1}>
            {t.action.allShown}
          </Paragraph>
        )
      )}
    </>
  );
}

/** The values an entry set (status, health, percentage), in words. */
function setValues(
  t: Messages,
  values: { status?: unknown; health?: unknown; percentComplete?: unknown },
): string[] {
  const lines: string[] = [];
  if (values.status != null)
    lines.push(t.action.set(t.action.status, word(t.status, values.status)));
  if (values.health != null)
    lines.push(t.action.set(t.action.health, word(t.health, values.health)));
  if (values.percentComplete != null)
    lines.push(t.action.set(t.action.percent, t.format.percent(Number(values.percentComplete))));
  return lines;
}

/** The progress timeline (GET /actions/{id}/progress-updates), newest first. */
export function TimelineSection({ actionId, names }: { actionId: string; names: Names }) {
  const t = useT();
  const list = usePagedList<ProgressUpdate>(actionId, (cursor) =>
    api
      .GET('/actions/{id}/progress-updates', {
        params: { path: { id: actionId }, query: { limit: PAGE, cursor } },
      })
      .then(({ data }) => data),
  );
  return (
    <section aria-labelledby="voortgang-in-de-tijd">
      <Heading level={2} id="voortgang-in-de-tijd">
        {t.action.timeline}
      </Heading>
      <ListBody list={list} empty={t.action.timelineNone}>
        {(updates) => (
          <OrderedList aria-labelledby="voortgang-in-de-tijd" className="sbt-entries">
            {updates.map((update) => {
              const values = setValues(t, update);
              return (
                <OrderedListItem key={update.id} className="sbt-entry">
                  <Paragraph>
                    <strong>
                      <When iso={update.createdAt} /> – {word(t.action.timelineKind, update.kind)}
                    </strong>{' '}
                    {t.action.by(
                      update.authorUserId || update.authorOrganisationId
                        ? who(t, names, update.authorUserId, update.authorOrganisationId)
                        : t.action.system,
                    )}
                  </Paragraph>
                  {values.length > 0 && <Paragraph>{values.join(' · ')}</Paragraph>}
                  {update.narrative && (
                    <Paragraph className="sbt-text">{update.narrative}</Paragraph>
                  )}
                  {update.reason && (
                    <Paragraph className="sbt-text">
                      {t.action.reason}: {update.reason}
                    </Paragraph>
                  )}
                </OrderedListItem>
              );
            })}
          </OrderedList>
        )}
      </ListBody>
    </section>
  );
}

/** The action's comments (GET /actions/{id}/comments), newest first; `reload` after a new one. */
export function useComments(actionId: string): PagedList<Comment> {
  return usePagedList<Comment>(actionId, (cursor) =>
    api
      .GET('/actions/{id}/comments', {
        params: { path: { id: actionId }, query: { limit: PAGE, cursor } },
      })
      .then(({ data }) => data),
  );
}

/**
 * The comments, read-only: who, for which organisation, the position they stated, and what
 * they wrote.
 */
export function CommentsSection({ list, names }: { list: PagedList<Comment>; names: Names }) {
  const t = useT();
  return (
    <section aria-labelledby="reacties">
      <Heading level={2} id="reacties">
        {t.action.comments}
      </Heading>
      <ListBody list={list} empty={t.action.commentsNone}>
        {(comments) => (
          <OrderedList aria-labelledby="reacties" className="sbt-entries">
            {comments.map((comment) => (
              <OrderedListItem key={comment.id} className="sbt-entry">
                <Paragraph>
                  <strong>
                    {who(t, names, comment.authorUserId, comment.authorOrganisationId)}
                  </strong>
                  {' – '}
                  <When iso={comment.createdAt} />
                </Paragraph>
                {comment.position && (
                  <Paragraph>{t.action.positionStated(t.position[comment.position])}</Paragraph>
                )}
                <Paragraph className="sbt-text">{comment.body}</Paragraph>
              </OrderedListItem>
            ))}
          </OrderedList>
        )}
      </ListBody>
    </section>
  );
}

/** A value of an action's field in words, as the history shows it. */
export function valueInWords(t: Messages, names: Names, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t.action.empty;
  switch (field) {
    case 'status':
      return word(t.status, value);
    case 'health':
      return word(t.health, value);
    case 'verification':
      return word(t.verification, value);
    case 'escalationLevel':
      return word(t.escalationLevel, value);
    case 'position':
      return word(t.position, value);
    case 'percentComplete':
      return t.format.percent(Number(value));
    case 'deadline':
    case 'startDate':
      return t.format.date(text(value));
    case 'closedAt':
      return t.format.dateTime(text(value));
    case 'ownerOrganisationId':
      return names.organisation(text(value)) ?? t.action.unknown;
    case 'ownerUserId':
      return names.person(text(value)) ?? t.action.unknown;
    case 'trackId':
      return names.track(text(value)) ?? t.action.unknown;
    case 'public':
      return value ? t.action.yes : t.action.no;
    case 'tags':
      return Array.isArray(value) && value.length > 0 ? value.join(', ') : t.action.none;
    case 'partners':
      // Recorded as "organisationId:role".
      return Array.isArray(value) && value.length > 0
        ? value
            .map((partner) => {
              const [organisationId, role] = String(partner).split(':');
              return `${names.organisation(organisationId) ?? t.action.unknown} (${word(t.partnerRole, role)})`;
            })
            .join(', ')
        : t.action.none;
    default:
      return text(value);
  }
}

/** Fields whose values are ids of things the page does not name: said without values. */
const WITHOUT_VALUES = new Set(['commitmentId', 'parentActionId', 'mentionedUserIds']);

/** An entry's changes in words: "Gezondheid: Op koers → Risico" (audit: old and new). */
function changesInWords(t: Messages, names: Names, entry: HistoryEntry): string[] {
  if (!entry.changes || (entry.source === 'audit' && entry.kind === 'create')) return [];
  return Object.entries(entry.changes).map(([field, change]) => {
    const label = t.action.field[field] ?? field;
    if (WITHOUT_VALUES.has(field)) return t.action.changedWithoutValues(label);
    if (change !== null && typeof change === 'object' && !Array.isArray(change)) {
      const { old, new: next } = change as { old?: unknown; new?: unknown };
      if ('old' in change) {
        return t.action.change(
          label,
          valueInWords(t, names, field, old),
          valueInWords(t, names, field, next),
        );
      }
      return t.action.set(label, valueInWords(t, names, field, next));
    }
    return t.action.set(label, valueInWords(t, names, field, change));
  });
}

function actorInWords(t: Messages, names: Names, actor: HistoryEntry['actor']): string {
  if (actor.type === 'system' || (actor.type === 'user' && !actor.id && !actor.organisationId))
    return t.action.system;
  if (actor.type === 'api_token') return t.action.integration;
  if (actor.type === 'anonymous') return t.action.unknown;
  return who(t, names, actor.id, actor.organisationId);
}

/** The action's history (GET /actions/{id}/history), newest first; `reload` after a change. */
export function useHistory(actionId: string): PagedList<HistoryEntry> {
  return usePagedList<HistoryEntry>(actionId, (cursor) =>
    api
      .GET('/actions/{id}/history', {
        params: { path: { id: actionId }, query: { limit: PAGE, cursor } },
      })
      .then(({ data }) => data),
  );
}

/**
 * The history: the changes on record (an attachment added or removed with its file's
 * SHA-256), the progress updates and the comments, merged and newest first; changes in words.
 */
export function HistorySection({ list, names }: { list: PagedList<HistoryEntry>; names: Names }) {
  const t = useT();
  return (
    <section aria-labelledby="geschiedenis">
      <Heading level={2} id="geschiedenis">
        {t.action.history}
      </Heading>
      <Paragraph>{t.action.historyIntro}</Paragraph>
      <ListBody list={list} empty={t.action.historyNone}>
        {(entries) => (
          <OrderedList aria-labelledby="geschiedenis" className="sbt-entries">
            {entries.map((entry, index) => {
              const changes = changesInWords(t, names, entry);
              const review = entry.details?.review;
              const reason =
                entry.reason ??
                (typeof entry.details?.reason === 'string' ? entry.details.reason : null);
              // Deadline moves and escalations say what happened in their text.
              const text =
                entry.source === 'progress' && entry.kind !== 'progress' ? entry.text : null;
              return (
                <OrderedListItem key={`${entry.at}-${index}`} className="sbt-entry">
                  <Paragraph>
                    <strong>
                      <When iso={entry.at} /> –{' '}
                      {fileEntryTitle(t, entry) ??
                        t.action.historyKind[entry.kind] ??
                        t.action.historyOther(entry.kind)}
                    </strong>{' '}
                    {t.action.by(actorInWords(t, names, entry.actor))}
                  </Paragraph>
                  {(changes.length > 0 || typeof review === 'string' || entry.position) && (
                    <UnorderedList>
                      {changes.map((change) => (
                        <UnorderedListItem key={change}>{change}</UnorderedListItem>
                      ))}
                      {typeof review === 'string' && t.action.review[review] && (
                        <UnorderedListItem>{t.action.review[review]}</UnorderedListItem>
                      )}
                      {entry.position && (
                        <UnorderedListItem>
                          {t.action.positionStated(t.position[entry.position])}
                        </UnorderedListItem>
                      )}
                    </UnorderedList>
                  )}
                  <FileFacts entry={entry} />
                  <CitedEvidence entry={entry} />
                  {text && <Paragraph className="sbt-text">{text}</Paragraph>}
                  {reason && (
                    <Paragraph className="sbt-text">
                      {t.action.reason}: {reason}
                    </Paragraph>
                  )}
                </OrderedListItem>
              );
            })}
          </OrderedList>
        )}
      </ListBody>
    </section>
  );
}
