import type { Schemas } from '../../api/client';
import {
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
import { type Messages, useT } from '../../i18n';
import { HEALTHS, STATUSES } from './report-query';

type Summary = Schemas['ReportSummaryDocument'];
type ReportAction = Schemas['ReportActionResponse'];

/** The day (Europe/Amsterdam) of an instant, as `format.date` takes it. */
const dayOf = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(instant));

export type PreviewState =
  | { kind: 'none' }
  | { kind: 'failed' }
  | { kind: 'tooLarge' }
  /** `actions` null: too many to list here, the figures only. */
  | { kind: 'shown'; document: Summary; actions: ReportAction[] | null };

/** A count table of one dimension (status, health): the figures as words and numbers. */
function CountTable(props: {
  id: string;
  caption: string;
  head: string;
  rows: Array<{ key: string; label: string; count: number }>;
  countHead: string;
}) {
  return (
    <div className="sbt-table-scroll">
      <Table>
        <TableCaption id={props.id}>{props.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{props.head}</TableHeaderCell>
            <TableHeaderCell scope="col">{props.countHead}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((row) => (
            <TableRow key={row.key}>
              <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
              <TableCell>{row.count}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function changesInWords(t: Messages, action: ReportAction): string {
  const changes = action.changesSince;
  if (!changes) return '';
  const parts: string[] = [];
  if (changes.created) parts.push(t.reports.changesCreated);
  if (changes.fields.length > 0) parts.push(t.reports.changesFields(changes.fields.length));
  if (changes.progressUpdates > 0) parts.push(t.reports.changesUpdates(changes.progressUpdates));
  return parts.length > 0 ? parts.join(', ') : t.reports.changesNone;
}

/**
 * The report on screen: its figures (as the PDF's summary has them) and its first rows with
 * the latest narrative; the downloads hold every row.
 */
export function ReportPreview({ state }: { state: PreviewState }) {
  const t = useT();
  const r = t.reports;
  if (state.kind === 'none') return null;
  return (
    <section aria-labelledby="rapport-voorbeeld-kop">
      <Heading level={2} id="rapport-voorbeeld-kop">
        {r.previewTitle}
      </Heading>
      {state.kind === 'failed' ? (
        <Paragraph>{r.previewLoadFailed}</Paragraph>
      ) : state.kind === 'tooLarge' ? (
        <Paragraph>{r.previewTooLarge}</Paragraph>
      ) : (
        <Shown document={state.document} actions={state.actions} />
      )}
    </section>
  );
}

function Shown({ document, actions }: { document: Summary; actions: ReportAction[] | null }) {
  const t = useT();
  const r = t.reports;
  const summary = document.summary;
  const since = document.since !== null;
  return (
    <>
      <Paragraph>
        {r.previewAbout(document.programme.name, t.format.date(document.reportDate))}{' '}
        {r.previewPeriod(
          t.format.date(dayOf(document.period.from)),
          t.format.date(dayOf(document.period.to)),
        )}
      </Paragraph>
      <Heading level={3}>{r.figures}</Heading>
      <DataList
        items={[
          { key: r.total, value: summary.total },
          { key: r.open, value: summary.open },
          { key: r.closed, value: summary.closed },
          { key: r.overdueCount, value: summary.overdue },
          { key: r.completedInPeriod, value: summary.completedInPeriod },
          { key: r.deadlines30, value: summary.deadlinesNext30Days },
          { key: r.deadlines90, value: summary.deadlinesNext90Days },
          {
            key: r.updatedShare,
            value: r.updatedShareValue(
              summary.openUpdatedLast30Days.updated,
              summary.openUpdatedLast30Days.open,
            ),
          },
        ]}
      />
      <div className="sbt-report-tables">
        <CountTable
          id="rapport-per-status"
          caption={r.byStatus}
          head={r.status}
          countHead={r.count}
          rows={STATUSES.map((status) => ({
            key: status,
            label: t.status[status],
            count: summary.byStatus[status] ?? 0,
          }))}
        />
        <CountTable
          id="rapport-per-gezondheid"
          caption={r.byHealth}
          head={r.health}
          countHead={r.count}
          rows={HEALTHS.map((health) => ({
            key: health,
            label: t.health[health],
            count: summary.byHealth[health] ?? 0,
          }))}
        />
      </div>
      <div className="sbt-table-scroll">
        <Table>
          <TableCaption>{r.byTrack}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{r.track}</TableHeaderCell>
              <TableHeaderCell scope="col">{r.total}</TableHeaderCell>
              <TableHeaderCell scope="col">{r.open}</TableHeaderCell>
              <TableHeaderCell scope="col">{r.overdueCount}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.byTrack.map((row) => (
              <TableRow key={row.track?.id ?? 'geen'}>
                <TableHeaderCell scope="row">{row.track?.name ?? r.noTrack}</TableHeaderCell>
                <TableCell>{row.total}</TableCell>
                <TableCell>{row.open}</TableCell>
                <TableCell>{row.overdue}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <Heading level={3}>{r.actionsTitle}</Heading>
      {actions === null ? (
        <Paragraph>{r.previewTooLarge}</Paragraph>
      ) : actions.length === 0 ? (
        <Paragraph>{r.noActions}</Paragraph>
      ) : (
        <>
          {summary.total > actions.length && (
            <Paragraph>{r.limited(actions.length, summary.total)}</Paragraph>
          )}
          <div className="sbt-table-scroll">
            <Table>
              <TableCaption>{r.actionsCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.actionTable.title}</TableHeaderCell>
                  <TableHeaderCell scope="col">{r.track}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.actionTable.owner}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.actionTable.deadline}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.actionTable.status}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.actionTable.health}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.actionTable.percent}</TableHeaderCell>
                  {since && <TableHeaderCell scope="col">{r.changes}</TableHeaderCell>}
                  <TableHeaderCell scope="col">{r.narrative}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {actions.map((action) => (
                  <TableRow key={action.id}>
                    <TableHeaderCell scope="row">
                      <Link href={`/acties/${action.id}`}>{action.title}</Link>
                    </TableHeaderCell>
                    <TableCell>{action.track?.name ?? r.noTrack}</TableCell>
                    <TableCell>{action.ownerOrganisation.code}</TableCell>
                    <TableCell>
                      {t.format.date(action.deadline)}
                      {action.overdue && <> ({t.actionTable.overdue})</>}
                    </TableCell>
                    <TableCell>{t.status[action.status]}</TableCell>
                    <TableCell>{t.health[action.health]}</TableCell>
                    <TableCell>{t.format.percent(action.percentComplete)}</TableCell>
                    {since && <TableCell>{changesInWords(t, action)}</TableCell>}
                    <TableCell>
                      {action.latestNarrative ? (
                        <>
                          {action.latestNarrative.text}{' '}
                          {r.narrativeAt(t.format.date(dayOf(action.latestNarrative.at)))}
                        </>
                      ) : (
                        '–'
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </>
  );
}
