import { api, type Schemas } from '../../api/client';
import {
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { useT } from '../../i18n';
import { ListBody, When } from './activity-parts';
import {
  actorInWords,
  changesInWords,
  type HistoryEntry,
  setValues,
  valueInWords,
  who,
  word,
} from './activity-words';
import { CitedEvidence, FileFacts, fileEntryTitle } from './history-attachments';
import type { Names } from './use-names';
import { type PagedList, usePagedList } from './use-paged-list';

// Other screens take these from here.
export { ListBody, valueInWords, who };

type ProgressUpdate = Schemas['ProgressUpdateResponse'];
type Comment = Schemas['CommentResponse'];

const PAGE = 50;

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
