import type { Schemas } from '../../api/client';
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
  VisuallyHidden,
} from '../../components/nlds';
import { type Messages, useT } from '../../i18n';
import type { Commitment } from './use-commitment';

export type Rollup = Schemas['RollupResponse'];
type Health = Schemas['ActionHealth'];

/** From worst to best, as the API picks the roll-up's health (README "Roll-ups"). */
export const HEALTH_WORST_FIRST: readonly Health[] = [
  'off_track',
  'at_risk',
  'on_track',
  'not_set',
];
const OPEN = 'not_started,in_progress';
const CLOSED = 'met,partially_met,lapsed';

/** The roll-up in one sentence: mean percentage over how many actions, the worst health. */
export function rollupInWords(t: Messages, rollup: Rollup): string {
  const c = t.commitments;
  const progress =
    rollup.percentComplete === null
      ? c.rollupNoPercent(rollup.total)
      : c.rollupPercent(c.percent(rollup.percentComplete), rollup.total, rollup.closed);
  const health =
    rollup.health === null
      ? c.rollupNoOpen
      : c.rollupHealth(t.health[rollup.health].toLowerCase(), rollup.healthCount);
  return progress + health;
}

/**
 * Voortgang: the commitment's progress and health derived from its actions (the API's
 * `rollup`) as a sentence, a progress bar with the same figure in words, how the figure is
 * made, and every count as a link to those actions in the action list.
 */
export function RollupSection({ commitment }: { commitment: Commitment }) {
  const t = useT();
  const c = t.commitments;
  const rollup = commitment.rollup;
  const list = (filters: string) => `/acties?commitment=${commitment.id}${filters}`;
  const rows: Array<{ which: string; count: number; href: string }> = [
    { which: c.rollupAll, count: rollup.total, href: list('') },
    { which: c.rollupOpen, count: rollup.open, href: list(`&status=${OPEN}`) },
    { which: c.rollupClosed, count: rollup.closed, href: list(`&status=${CLOSED}`) },
    { which: c.rollupOverdue, count: rollup.overdue, href: list('&overdue=true') },
    ...HEALTH_WORST_FIRST.map((health) => ({
      which: c.rollupOpenHealth(t.health[health]),
      count: rollup.byHealth[health] ?? 0,
      href: list(`&status=${OPEN}&health=${health}`),
    })),
  ];
  return (
    <section aria-labelledby="voortgang" className="sbt-stack">
      <Heading level={2} id="voortgang">
        {c.rollupTitle}
      </Heading>
      {rollup.total === 0 ? (
        <Paragraph>{c.rollupNone}</Paragraph>
      ) : (
        <>
          <div className="sbt-round-progress">
            {rollup.percentComplete !== null && (
              <progress
                className="sbt-progress"
                aria-labelledby="voortgang"
                aria-describedby="voortgang-woorden"
                value={rollup.percentComplete}
                max={100}
              />
            )}
            <Paragraph id="voortgang-woorden">
              <strong>{rollupInWords(t, rollup)}</strong>
            </Paragraph>
          </div>
          <Paragraph>{c.rollupHow}</Paragraph>
          <div className="sbt-table-scroll">
            <Table>
              <TableCaption>{c.rollupTable}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{c.rollupColWhich}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c.rollupColCount}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.href}>
                    <TableHeaderCell scope="row">{row.which}</TableHeaderCell>
                    <TableCell>
                      {/* No link to an empty list. */}
                      {row.count === 0 ? (
                        row.count
                      ) : (
                        <Link href={row.href}>
                          {row.count}
                          <VisuallyHidden>
                            {' '}
                            {c.rollupLinkContext(row.count, row.which)}
                          </VisuallyHidden>
                        </Link>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
