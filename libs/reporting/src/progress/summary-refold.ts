import type { ActionCountGroup } from '@app/tracking';
import type { BucketCounts, GroupDimensions } from './bucket-counts';
import type { CommitmentRollup, ReportSummary } from './progress-report.model';
import { commitmentRollup, compareCommitmentRollups, foldSummary } from './summary';
import type { SummaryNames } from './summary-names';

const byCommitment = (dimensions: GroupDimensions) => dimensions.set === 'commitment';
const notByCommitment = (dimensions: GroupDimensions) => dimensions.set !== 'commitment';

/** The groups of `counts` that `refoldSummary` folds whole: all but the commitment roll-ups'. */
export const figureGroups = (counts: BucketCounts): ActionCountGroup[] =>
  counts.groups(notByCommitment);

/**
 * The summary of `counts`, recounted from the counts `previous` was folded from, given their
 * `figureGroups`: what `foldSummary(counts.groups(), names)` answers, for a fraction of its work. Nearly all of a
 * summary's groups are the per-commitment roll-ups (one a commitment: 2,000 of 2,200 in the
 * benchmark), and a commitment's actions all lie in its bucket, so a recount touches only the
 * commitments of the buckets counted again: their roll-ups are made again and put in the place
 * of theirs, the others are `previous`'s. The figures of the other groups are folded whole
 * (some hundred groups). `names` must be exact for `counts`' version; the names of commitments
 * outside the recounted buckets cannot have changed (a change of a commitment logs its bucket).
 */
export function refoldSummary(
  previous: ReportSummary,
  counts: BucketCounts,
  figures: readonly ActionCountGroup[],
  names: SummaryNames,
): ReportSummary {
  const touched = counts.touched(byCommitment);
  if (!touched) return foldSummary(counts.groups(), names);
  // Groups of single actions (as a report of the past makes them) count towards the roll-ups
  // too: only the grouping sets of the SQL keep those apart.
  if (figures.some((group) => group.set === 'all')) return foldSummary(counts.groups(), names);
  const summary = foldSummary(figures, names);
  const updated = new Map<string | null, CommitmentRollup | null>();
  for (const { dimensions, group } of touched) {
    const id = dimensions.commitmentId;
    // A commitment without a name would be listed as "no commitment": fold whole, as before.
    if (id !== null && !names.commitments.has(id)) return foldSummary(counts.groups(), names);
    updated.set(id, group ? commitmentRollup(id, group.rollup, names) : null);
  }
  summary.byCommitment = replaceRollups(previous.byCommitment, updated);
  return summary;
}

/**
 * `rollups` (in the summary's order) with those of `updated` (by commitment id; null: none
 * left) in their place: in the same places while no commitment came, went or was renamed, else
 * sorted again.
 */
function replaceRollups(
  rollups: readonly CommitmentRollup[],
  updated: ReadonlyMap<string | null, CommitmentRollup | null>,
): CommitmentRollup[] {
  let replaced = 0;
  let moved = false;
  const kept = rollups.map((rollup) => {
    const id = rollup.commitment?.id ?? null;
    const next = updated.get(id);
    if (next === undefined) return rollup;
    replaced += 1;
    if (next === null || next.commitment?.title !== rollup.commitment?.title) moved = true;
    return next ?? rollup;
  });
  if (!moved && replaced === updated.size) return kept;
  const others = rollups.filter((rollup) => !updated.has(rollup.commitment?.id ?? null));
  const fresh = [...updated.values()].filter((rollup) => rollup !== null);
  return [...others, ...fresh].sort(compareCommitmentRollups);
}
