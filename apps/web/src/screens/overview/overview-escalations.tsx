import {
  Heading,
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
  actionListHref,
  ESCALATION_LEVELS,
  type EscalationLevel,
  OPEN_STATUSES,
} from '../action-list/action-filters';
import { type Bar, BarChart, type BarLook } from './bar-chart';
import { FigureLink } from './figure-link';
import type { OverviewFilters, SummaryDocument } from './use-overview';

/** Up the ladder, each level its own pattern: the chart reads in black and white. */
const LEVEL_LOOK: Record<EscalationLevel, BarLook> = {
  none: 'plain',
  official: 'dots',
  administrative: 'stripes',
  overhedenoverleg: 'cross',
};

/**
 * The open actions per level of the escalation ladder (the summary's `byEscalationLevel`),
 * each figure a link to `/acties?escalationLevel=<level>&status=not_started,in_progress`.
 */
export function Escalations({
  summary,
  base,
}: {
  summary: SummaryDocument['summary'];
  base: OverviewFilters;
}) {
  const t = useT();
  const o = t.overview;
  const name = (level: EscalationLevel) =>
    level === 'none' ? o.notEscalated : t.escalationLevel[level];
  // The ladder from its top down; "not escalated" last.
  const levels: EscalationLevel[] = [
    ...ESCALATION_LEVELS.filter((level) => level !== 'none').reverse(),
    'none',
  ];
  const count = (level: EscalationLevel) => summary.byEscalationLevel?.[level] ?? 0;
  const bars: Bar[] = levels.map((level) => ({
    label: name(level),
    parts: [{ value: count(level), look: LEVEL_LOOK[level] }],
    text: o.actions(count(level)),
  }));
  return (
    <section aria-labelledby="escalaties">
      <Heading level={2} id="escalaties">
        {o.escalations}
      </Heading>
      <div className="sbt-chart-pair">
        <Table>
          <TableCaption>{o.escalationsCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{o.escalationLevel}</TableHeaderCell>
              <TableHeaderCell scope="col">{o.count}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {levels.map((level) => (
              <TableRow key={level}>
                <TableHeaderCell scope="row">{name(level)}</TableHeaderCell>
                <TableCell className="sbt-figure">
                  <FigureLink
                    count={count(level)}
                    href={actionListHref({
                      ...base,
                      status: [...OPEN_STATUSES],
                      escalationLevel: [level],
                    })}
                    what={o.escalationOf(name(level))}
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
