import type { Action } from '../../components/action-table';
import { DataList, Heading, Link, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';

type Rollup = NonNullable<Action['rollup']>;

/**
 * Voortgang van de deelacties: the roll-up of a parent action (the API derives it from the
 * sub-actions, README "Roll-ups") in figures and words, with a bar whose figure is also text,
 * and links to the sub-actions in the programme's action list.
 */
export function RollupSection({ actionId, rollup }: { actionId: string; rollup: Rollup }) {
  const t = useT();
  const r = t.action.rollup;
  const percent = rollup.percentComplete === null ? null : r.percent(rollup.percentComplete);
  return (
    <section aria-labelledby="voortgang-deelacties" className="sbt-stack">
      <Heading level={2} id="voortgang-deelacties">
        {r.title}
      </Heading>
      {percent === null ? (
        <Paragraph>{r.noPercent}</Paragraph>
      ) : (
        <div className="sbt-round-progress">
          <progress
            className="sbt-progress"
            aria-labelledby="voortgang-deelacties"
            aria-describedby="voortgang-deelacties-woorden"
            value={rollup.percentComplete ?? 0}
            max={100}
          />
          <Paragraph id="voortgang-deelacties-woorden">
            <strong>{r.bar(percent)}</strong>
          </Paragraph>
        </div>
      )}
      <DataList
        items={[
          ...(percent === null ? [] : [{ key: r.progressKey, value: percent }]),
          {
            key: r.healthKey,
            value:
              rollup.health === null
                ? r.noOpen
                : r.health(t.health[rollup.health], rollup.healthCount, rollup.open),
          },
          { key: r.countsKey, value: r.counts(rollup.total, rollup.open, rollup.closed) },
          { key: r.overdueKey, value: r.overdue(rollup.overdue) },
        ]}
      />
      <Paragraph>{r.explanation}</Paragraph>
      <div className="sbt-row">
        <Link href={`/acties?parent=${actionId}`}>{r.listAll}</Link>
        {rollup.overdue > 0 && (
          <Link href={`/acties?parent=${actionId}&overdue=true`}>{r.listOverdue}</Link>
        )}
      </div>
    </section>
  );
}
