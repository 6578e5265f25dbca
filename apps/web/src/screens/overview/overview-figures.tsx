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

type Summary = SummaryDocument['summary'];
const CLOSED_STATUSES: Status[] = ['met', 'partially_met', 'lapsed'];
/** Each health has its own pattern (and colour): the chart reads in black and white. */
const HEALTH_LOOK: Record<Health, BarLook> = {
  not_set: 'plain',
  on_track: 'solid',
  at_risk: 'stripes',
  off_track: 'cross',
};

/** A link to the action list with the overview's filters and the figure's own. */
const hrefOf = (base: OverviewFilters, own: ActionFilters) => actionListHref({ ...base, ...own });

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

/**
 * Per track, in the programme's order: all, open and overdue, and the track's roll-up (its
 * progress, and the worst health of its open actions with how many have it); a chart of the
 * progress.
 */
export function ByTrack({ summary, base }: { summary: Summary; base: OverviewFilters }) {
  const t = useT();
  const o = t.overview;
  const bars: Bar[] = summary.byTrack.map((row) => {
    const percent = row.rollup?.percentComplete ?? 0;
    return {
      label: row.track?.name ?? o.noTrack,
      parts: [
        { value: percent, look: 'dots' },
        { value: 100 - percent, look: 'plain' },
      ],
      text: o.rollupChart(o.rollupPercent(percent), row.open, row.total - row.open),
    };
  });
  return (
    <section aria-labelledby="per-spoor">
      <Heading level={2} id="per-spoor">
        {o.byTrack}
      </Heading>
      <div className="sbt-table-scroll">
        <Table>
          <TableCaption>{o.byTrackCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.actionList.track}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.total}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.open}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.overdue}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.rollupProgress}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.rollupHealth}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.byTrack.map((row) => {
              const name = row.track?.name ?? o.noTrack;
              // The action list has no filter for "no track": that row's figures are no links.
              const href = (own: ActionFilters) =>
                row.track ? hrefOf(base, { ...own, track: row.track.id }) : null;
              const what = o.inTrack(name);
              return (
                <TableRow key={row.track?.id ?? 'geen'}>
                  <TableHeaderCell scope="row">{name}</TableHeaderCell>
                  <TableCell className="sbt-figure">
                    <FigureLink count={row.total} href={href({})} what={what} />
                  </TableCell>
                  <TableCell className="sbt-figure">
                    <FigureLink
                      count={row.open}
                      href={href({ status: [...OPEN_STATUSES] })}
                      what={o.openOf(what)}
                    />
                  </TableCell>
                  <TableCell className="sbt-figure">
                    <FigureLink
                      count={row.overdue}
                      href={href({ overdue: true })}
                      what={o.overdueOf(what)}
                    />
                  </TableCell>
                  <TableCell className="sbt-figure">
                    {row.rollup?.percentComplete == null
                      ? '–'
                      : o.rollupPercent(row.rollup.percentComplete)}
                  </TableCell>
                  <TableCell>
                    {!row.rollup?.health ? (
                      o.rollupNone
                    ) : (
                      <>
                        {t.health[row.rollup.health]} (
                        <FigureLink
                          count={row.rollup.healthCount}
                          href={href({
                            status: [...OPEN_STATUSES],
                            health: [row.rollup.health],
                          })}
                          what={o.openOf(`${t.health[row.rollup.health]}, ${what}`)}
                        />
                        )
                      </>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <Paragraph>{o.byTrackNote}</Paragraph>
      {bars.length > 0 && <BarChart bars={bars} />}
    </section>
  );
}

/** Per owner organisation (trekker): all, open and overdue. */
export function ByOwner({ summary, base }: { summary: Summary; base: OverviewFilters }) {
  const t = useT();
  const o = t.overview;
  return (
    <section aria-labelledby="per-trekker">
      <Heading level={2} id="per-trekker">
        {o.byOwner}
      </Heading>
      <div className="sbt-table-scroll">
        <Table>
          <TableCaption>{o.byOwnerCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{o.organisation}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.total}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.open}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.overdue}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.byOwnerOrganisation.map((row) => {
              const own = { ownerOrganisation: row.organisation.id };
              const what = o.ofOwner(row.organisation.code);
              return (
                <TableRow key={row.organisation.id}>
                  <TableHeaderCell scope="row">
                    {row.organisation.name} ({row.organisation.code})
                  </TableHeaderCell>
                  <TableCell className="sbt-figure">
                    <FigureLink count={row.count} href={hrefOf(base, own)} what={what} />
                  </TableCell>
                  <TableCell className="sbt-figure">
                    <FigureLink
                      count={row.open}
                      href={hrefOf(base, { ...own, status: [...OPEN_STATUSES] })}
                      what={o.openOf(what)}
                    />
                  </TableCell>
                  <TableCell className="sbt-figure">
                    <FigureLink
                      count={row.overdue}
                      href={hrefOf(base, { ...own, overdue: true })}
                      what={o.overdueOf(what)}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
