import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, DataList, Heading, Link, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { useAnnounce } from '../../components/announcer';
import { useNames } from '../action/use-names';
import { NotFoundScreen } from '../not-found/not-found-screen';
import { CancelRound } from './cancel-round';
import { RemindersSummary } from './round-reminders';
import { RoundActions } from './round-actions';
import { completionInWords, roundState, type UpdateRound } from './round-words';
import { useRound, useRoundReminders } from './use-round';

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
