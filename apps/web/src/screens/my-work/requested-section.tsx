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
import { useT } from '../../i18n';
import { useRequestedUpdates } from './use-requested-updates';

/** What open update rounds still ask of me (or my organisation), soonest due first. */
export function RequestedSection(props: {
  programmeId: string;
  scope: { ownerUser: 'me' } | { ownerOrganisation: string };
}) {
  const t = useT();
  const requested = useRequestedUpdates(props.programmeId, props.scope);
  const title = t.myWork.requested;
  return (
    <section aria-labelledby="updateronde-kop" aria-busy={requested.loading}>
      <Heading level={2} id="updateronde-kop">
        {title}
        {!requested.loading && !requested.failed && (
          <> ({t.myWork.count(requested.items.length, false)})</>
        )}
      </Heading>
      {requested.failed ? (
        <Paragraph>{t.myWork.loadFailed}</Paragraph>
      ) : requested.loading ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : requested.items.length === 0 ? (
        <Paragraph>{t.myWork.none}</Paragraph>
      ) : (
        <Table>
          <TableCaption className="sbt-visually-hidden">{title}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.actionTable.title}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.myWork.round}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.myWork.roundDue}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.actionTable.deadline}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {requested.items.map((item) => (
              <TableRow key={`${item.round.id}:${item.actionId}`}>
                <TableCell>
                  <Link href={`/acties/${item.actionId}/voortgang`}>{item.title}</Link>
                </TableCell>
                <TableCell>{item.round.title}</TableCell>
                <TableCell>{t.format.date(item.round.dueDate)}</TableCell>
                <TableCell>{t.format.date(item.deadline)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
