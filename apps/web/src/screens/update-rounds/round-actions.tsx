import { api, type Schemas } from '../../api/client';
import {
  Heading,
  Link,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds';
import { useT } from '../../i18n';
import { ListBody } from '../action/activity-sections';
import type { Names } from '../action/use-names';
import { usePagedList } from '../action/use-paged-list';
import { ReminderLines } from './round-reminders';
import type { UpdateRound } from './round-words';
import type { RoundReminders } from './use-round';

type RoundAction = Schemas['RoundActionResponse'];

/** The round's actions that have (or have not yet) been updated, with the reminders each got. */
export function RoundActions(props: {
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
