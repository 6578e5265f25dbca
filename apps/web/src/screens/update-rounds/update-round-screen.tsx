import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import {
  Alert,
  Button,
  DataList,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { type Messages, useT } from '../../i18n';
import { useAnnounce } from '../../components/announcer';
import { ListBody } from '../action/activity-sections';
import { type Names, useNames } from '../action/use-names';
import { usePagedList } from '../action/use-paged-list';
import { NotFoundScreen } from '../not-found/not-found-screen';
import { CancelRound } from './cancel-round';
import { completionInWords, roundState, type UpdateRound } from './round-words';
import { type Reminder, type RoundReminders, useRound, useRoundReminders } from './use-round';

type RoundAction = Schemas['RoundActionResponse'];

/**
 * Een uitvraagronde volgen: how far the round is (a figure, a bar and the words), per action
 * who has and has not updated, the requests and reminders sent for it, and, for a
 * coordinator, cancelling it.
 */
export default function UpdateRoundScreen() {
  const { id = '' } = useParams();
  const { programmeId } = useProgrammeRole();
  if (!programmeId) return <NotFoundScreen />;
  // Keyed: another round (or programme) starts afresh.
  return <RoundPage key={`${programmeId}:${id}`} programmeId={programmeId} roundId={id} />;
}

function RoundPage({ programmeId, roundId }: { programmeId: string; roundId: string }) {
  const t = useT();
  const { state, reload } = useRound(programmeId, roundId);
  usePageTitle(state.status === 'loaded' ? state.round.title : t.updateRounds.roundPageTitle);
  // Moves on every refresh: the per-action lists and the reminders are read again.
  const [generation, setGeneration] = useState(0);
  if (state.status === 'notFound') return <NotFoundScreen />;
  return (
    <>
      {/* The same heading from loading to loaded: the shell focuses it after navigation. */}
      <Heading level={1}>
        {state.status === 'loaded' ? state.round.title : t.updateRounds.roundPageTitle}
      </Heading>
      {state.status === 'loaded' ? (
        <RoundDetails
          round={state.round}
          generation={generation}
          refresh={async () => {
            setGeneration((value) => value + 1);
            await reload();
          }}
        />
      ) : (
        <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>
      )}
    </>
  );
}

function RoundDetails(props: {
  round: UpdateRound;
  generation: number;
  refresh: () => Promise<void>;
}) {
  const { round, generation } = props;
  const t = useT();
  const announce = useAnnounce();
  const { role, isPlatformAdmin } = useProgrammeRole();
  const coordinates = role === 'coordinator' || isPlatformAdmin;
  const names = useNames(round.programmeId);
  const reminders = useRoundReminders(round.programmeId, round.id, generation);
  const [refreshing, setRefreshing] = useState(false);
  // After cancelling, the cancel section goes: the sentence saying it is done takes the focus.
  const [justCancelled, setJustCancelled] = useState(false);
  const outcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (justCancelled && round.state === 'cancelled') outcome.current?.focus();
  }, [justCancelled, round.state]);
  const { completion } = round;
  return (
    <>
      {justCancelled && round.state === 'cancelled' && (
        <Alert type="ok">
          <Paragraph ref={outcome} tabIndex={-1}>
            {t.updateRounds.cancelledOutcome}
          </Paragraph>
        </Alert>
      )}
      <Paragraph>
        <Link href="/uitvraagrondes">{t.updateRounds.backToList}</Link>
      </Paragraph>
      <DataList
        items={[
          { key: t.updateRounds.state, value: roundState(t, round) },
          { key: t.updateRounds.dueDate, value: t.format.date(round.dueDate) },
          { key: t.updateRounds.createdAt, value: t.format.dateTime(round.createdAt) },
          ...(round.cancelledAt
            ? [{ key: t.updateRounds.cancelledAt, value: t.format.dateTime(round.cancelledAt) }]
            : []),
          {
            key: t.updateRounds.messageLabel,
            value: round.message ? (
              <span className="sbt-text">{round.message}</span>
            ) : (
              t.updateRounds.noMessage
            ),
          },
        ]}
      />
      <section aria-labelledby="ronde-voortgang" className="sbt-stack">
        <Heading level={2} id="ronde-voortgang">
          {t.updateRounds.completionTitle}
        </Heading>
        <div className="sbt-round-progress">
          <progress
            className="sbt-progress"
            aria-labelledby="ronde-voortgang"
            aria-describedby="ronde-voortgang-woorden"
            value={completion.updated}
            max={Math.max(completion.total, 1)}
          />
          <Paragraph id="ronde-voortgang-woorden">
            <strong>{completionInWords(t, completion)}</strong>{' '}
            {t.updateRounds.notUpdatedCount(completion.notUpdated)}
          </Paragraph>
        </div>
        <div>
          <Button
            appearance="secondary-action-button"
            busy={refreshing}
            aria-disabled={refreshing}
            onClick={() => {
              if (refreshing) return;
              setRefreshing(true);
              void props.refresh().finally(() => {
                setRefreshing(false);
                announce(t.updateRounds.refreshed);
              });
            }}
          >
            {t.updateRounds.refresh}
          </Button>
        </div>
      </section>
      <RoundActions
        round={round}
        updated={false}
        names={names}
        reminders={reminders}
        generation={generation}
      />
      <RoundActions
        round={round}
        updated
        names={names}
        reminders={reminders}
        generation={generation}
      />
      <RemindersSummary reminders={reminders} />
      {coordinates && round.state === 'open' && (
        <CancelRound
          round={round}
          onCancelled={() => {
            setJustCancelled(true);
            return props.refresh();
          }}
        />
      )}
    </>
  );
}

/** The round's actions that have (or have not yet) been updated, with the reminders each got. */
function RoundActions(props: {
  round: UpdateRound;
  updated: boolean;
  names: Names;
  reminders: RoundReminders;
  generation: number;
}) {
  const { round, updated, names, reminders } = props;
  const t = useT();
  const list = usePagedList<RoundAction>(`${round.id}:${updated}:${props.generation}`, (cursor) =>
    api
      .GET('/programmes/{id}/update-rounds/{roundId}/actions', {
        params: {
          path: { id: round.programmeId, roundId: round.id },
          query: { updated, limit: 100, cursor },
        },
      })
      .then(({ data }) => data),
  );
  const title = updated ? t.updateRounds.updatedTitle : t.updateRounds.notUpdatedTitle;
  const count = updated ? round.completion.updated : round.completion.notUpdated;
  const headingId = updated ? 'wel-bijgewerkt' : 'niet-bijgewerkt';
  const showReminders = reminders.status === 'loaded';
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {title} ({count})
      </Heading>
      <ListBody
        list={list}
        empty={updated ? t.updateRounds.noneUpdated : t.updateRounds.allUpdated}
      >
        {(actions) => (
          <div className="sbt-table-scroll">
            <Table>
              <TableCaption className="sbt-visually-hidden">{title}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.actionTable.title}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.updateRounds.ownerOrganisation}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.updateRounds.ownerPerson}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.updateRounds.lastProgress}</TableHeaderCell>
                  {showReminders && (
                    <TableHeaderCell scope="col">{t.updateRounds.remindersColumn}</TableHeaderCell>
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {actions.map((action) => (
                  <TableRow key={action.actionId}>
                    <TableCell>
                      <Link href={`/acties/${action.actionId}`}>{action.title}</Link>
                    </TableCell>
                    <TableCell>
                      {names.organisation(action.ownerOrganisationId) ?? t.action.unknown}
                    </TableCell>
                    <TableCell>
                      {action.ownerUserId
                        ? (names.person(action.ownerUserId) ?? t.action.unknown)
                        : t.updateRounds.noOwnerPerson}
                    </TableCell>
                    <TableCell>
                      {action.lastProgressAt
                        ? t.format.dateTime(action.lastProgressAt)
                        : t.updateRounds.neverUpdated}
                    </TableCell>
                    {showReminders && (
                      <TableCell>
                        <ReminderLines
                          reminders={reminders.reminders.filter(
                            (reminder) => reminder.actionId === action.actionId,
                          )}
                          names={names}
                        />
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </ListBody>
    </section>
  );
}

function reminderInWords(t: Messages, names: Names, reminder: Reminder): string {
  const what = reminder.step === 'request' ? t.updateRounds.request : t.updateRounds.reminder;
  const to = reminder.recipientUserIds.map((id) => names.person(id) ?? t.action.unknown).join(', ');
  switch (reminder.state) {
    case 'sent':
      return t.updateRounds.reminderSent(
        what,
        t.format.dateTime(reminder.sentAt ?? reminder.dueAt),
        to,
      );
    case 'scheduled':
      return t.updateRounds.reminderScheduled(what, t.format.dateTime(reminder.dueAt), to);
    case 'cancelled':
      return t.updateRounds.reminderCancelled(what);
    default:
      return t.updateRounds.reminderSkipped(what);
  }
}

function ReminderLines({ reminders, names }: { reminders: Reminder[]; names: Names }) {
  const t = useT();
  if (reminders.length === 0) return <>{t.updateRounds.noReminders}</>;
  return (
    <>
      {reminders.map((reminder) => (
        <span key={reminder.id} className="sbt-line">
          {reminderInWords(t, names, reminder)}
        </span>
      ))}
    </>
  );
}

/** How many requests and reminders went out for the round, and how many are still planned. */
function RemindersSummary({ reminders }: { reminders: RoundReminders }) {
  const t = useT();
  const count = (list: Reminder[], request: boolean, state: Reminder['state']) =>
    list.filter((r) => (r.step === 'request') === request && r.state === state).length;
  return (
    <section aria-labelledby="herinneringen">
      <Heading level={2} id="herinneringen">
        {t.updateRounds.remindersTitle}
      </Heading>
      {reminders.status === 'loading' ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : reminders.status === 'forbidden' ? (
        <Paragraph>{t.updateRounds.remindersCoordinatorsOnly}</Paragraph>
      ) : reminders.status === 'failed' ? (
        <Paragraph>{t.action.partFailed}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t.updateRounds.remindersSummary(
              count(reminders.reminders, true, 'sent'),
              count(reminders.reminders, false, 'sent'),
              reminders.reminders.filter((r) => r.state === 'scheduled').length,
            )}
          </Paragraph>
          {!reminders.complete && <Paragraph>{t.updateRounds.remindersTruncated}</Paragraph>}
        </>
      )}
    </section>
  );
}
