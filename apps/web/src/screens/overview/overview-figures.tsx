import {
  DataList,
  Heading,
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
import {
  type ActionFilters,
  actionListHref,
  type Health,
  HEALTHS,
  OPEN_STATUSES,
  type Status,
  STATUSES,
} from '../action-list/action-filters';
import { type Bar, BarChart, type BarLook } from './bar-chart';
import { FigureLink } from './figure-link';
import type { OverviewFilters, SummaryDocument } from './use-overview';

export type Summary = SummaryDocument['summary'];
const CLOSED_STATUSES: Status[] = ['met', 'partially_met', 'lapsed'];
/** Each health has its own pattern (and colour): the chart reads in black and white. */
const HEALTH_LOOK: Record<Health, BarLook> = {
  not_set: 'plain',
  on_track: 'solid',
  at_risk: 'stripes',
  off_track: 'cross',
};

/** A link to the action list with the overview's filters and the figure's own. */
export const hrefOf = (base: OverviewFilters, own: ActionFilters) =>
  actionListHref({ ...base, ...own });

/** Total, open, closed and overdue. */
export function KeyFigures({ summary, base }: { summary: Summary; base: OverviewFilters }) {
  const t = useT();
  const o = t.overview;
  const items = [
    { key: o.total, count: summary.total, own: {} },
    { key: o.open, count: summary.open, own: { status: [...OPEN_STATUSES] } },
    { key: o.closed, count: summary.closed, own: { status: CLOSED_STATUSES } },
    { key: o.overdue, count: summary.overdue, own: { overdue: true } },
  ];
  return (
    <section aria-labelledby="kerncijfers">
      <Heading level={2} id="kerncijfers">
        {o.keyFigures}
      </Heading>
      <DataList
        items={items.map((item) => ({
          key: item.key,
          value: (
            <FigureLink
              count={item.count}
              href={hrefOf(base, item.own)}
              what={item.key.toLowerCase()}
            />
          ),
        }))}
      />
      <Paragraph>
        {o.updatedShare(summary.openUpdatedLast30Days.updated, summary.openUpdatedLast30Days.open)}
      </Paragraph>
    </section>
  );
}

/** Status × health, with the total per status. */
export function StatusHealth({ summary, base }: { summary: Summary; base: OverviewFilters }) {
  const t = useT();
  const o = t.overview;
  const cell = (status: Status, health: Health) =>
    summary.byStatusAndHealth.find((entry) => entry.status === status && entry.health === health)
      ?.count ?? 0;
  return (
    <section aria-labelledby="status-gezondheid">
      <Heading level={2} id="status-gezondheid">
        {o.statusHealth}
      </Heading>
      <div className="sbt-table-scroll">
        <Table>
          <TableCaption>{o.statusHealthCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{o.statusColumn}</TableHeaderCell>
              {HEALTHS.map((health) => (
                <TableHeaderCell scope="col" key={health}>
                  {t.health[health]}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{o.totalColumn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {STATUSES.map((status) => (
              <TableRow key={status}>
                <TableHeaderCell scope="row">{t.status[status]}</TableHeaderCell>
                {HEALTHS.map((health) => (
                  <TableCell key={health} className="sbt-figure">
                    <FigureLink
                      count={cell(status, health)}
                      href={hrefOf(base, { status: [status], health: [health] })}
                      what={o.cell(t.status[status], t.health[health])}
                    />
                  </TableCell>
                ))}
                <TableCell className="sbt-figure">
                  <FigureLink
                    count={summary.byStatus[status] ?? 0}
                    href={hrefOf(base, { status: [status] })}
                    what={t.status[status]}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

/** The open actions per health: a table and its chart. */
export function HealthOfOpen({ summary, base }: { summary: Summary; base: OverviewFilters }) {
  const t = useT();
  const o = t.overview;
  const bars: Bar[] = HEALTHS.map((health) => ({
    label: t.health[health],
    parts: [{ value: summary.byHealth[health] ?? 0, look: HEALTH_LOOK[health] }],
    text: o.actions(summary.byHealth[health] ?? 0),
  }));
  return (
    <section aria-labelledby="gezondheid">
      <Heading level={2} id="gezondheid">
        {o.health}
      </Heading>
      <div className="sbt-chart-pair">
        <Table>
          <TableCaption>{o.healthCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.actionList.health}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.count}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {HEALTHS.map((health) => (
              <TableRow key={health}>
                <TableHeaderCell scope="row">{t.health[health]}</TableHeaderCell>
                <TableCell className="sbt-figure">
                  <FigureLink
                    count={summary.byHealth[health] ?? 0}
                    href={hrefOf(base, { status: [...OPEN_STATUSES], health: [health] })}
                    what={o.healthOpen(t.health[health])}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <BarChart bars={bars} />
      </div>
    </section>
  );
}
