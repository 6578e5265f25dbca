import { api } from '../../api/client';
import {
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
import { useT } from '../../i18n';
import { ListBody } from '../action/activity-sections';
import { usePagedList } from '../action/use-paged-list';
import { amsterdamDayOf } from '../../components/amsterdam-day';
import { completionInWords, roundState, type UpdateRound } from './round-words';

/** Uitvraagrondes: the programme's update rounds, newest first; every member reads them. */
export default function UpdateRoundListScreen() {
  const t = useT();
  usePageTitle(t.updateRounds.title);
  const { programmeId, role, isPlatformAdmin } = useProgrammeRole();
  return (
    <>
      <Heading level={1}>{t.updateRounds.title}</Heading>
      {programmeId ? (
        <>
          <Paragraph>{t.updateRounds.intro}</Paragraph>
          {(role === 'coordinator' || isPlatformAdmin) && (
            <Paragraph>
              <Link href="/uitvraagrondes/nieuw">{t.updateRounds.create}</Link>
            </Paragraph>
          )}
          <RoundList programmeId={programmeId} />
        </>
      ) : (
        <Paragraph>{t.updateRounds.noProgramme}</Paragraph>
      )}
    </>
  );
}

function RoundList({ programmeId }: { programmeId: string }) {
  const t = useT();
  const list = usePagedList<UpdateRound>(programmeId, (cursor) =>
    api
      .GET('/programmes/{id}/update-rounds', {
        params: { path: { id: programmeId }, query: { limit: 50, cursor } },
      })
      .then(({ data }) => data),
  );
  return (
    <section aria-labelledby="rondes">
      <Heading level={2} id="rondes">
        {t.updateRounds.listTitle}
      </Heading>
      <ListBody list={list} empty={t.updateRounds.none}>
        {(rounds) => (
          <div className="sbt-table-scroll">
            <Table>
              <TableCaption className="sbt-visually-hidden">
                {t.updateRounds.listTitle}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.updateRounds.roundTitle}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.updateRounds.state}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.updateRounds.dueDate}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.updateRounds.completionTitle}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.updateRounds.createdAt}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rounds.map((round) => (
                  <TableRow key={round.id}>
                    <TableCell>
                      <Link href={`/uitvraagrondes/${round.id}`}>{round.title}</Link>
                    </TableCell>
                    <TableCell>{roundState(t, round)}</TableCell>
                    <TableCell>{t.format.date(round.dueDate)}</TableCell>
                    <TableCell>{completionInWords(t, round.completion)}</TableCell>
                    <TableCell>{t.format.date(amsterdamDayOf(round.createdAt))}</TableCell>
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
