import {
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
import { type ActionFilters, OPEN_STATUSES } from '../action-list/action-filters';
import { type Bar, BarChart } from './bar-chart';
import { FigureLink } from './figure-link';
import { hrefOf, type Summary } from './overview-figures';
import type { OverviewFilters } from './use-overview';

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
