/**
 * EXPLAIN (ANALYZE, BUFFERS) of list statements as the product sent them (captured by the
 * server probe), and what the plan says: which indexes it reads, whether it sorts, and how
 * many rows go into the sort.
 */
import type { Client } from 'pg';
import type { CapturedStatement } from './server-probe';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Sort Method'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

export interface PlanFinding {
  label: string;
  statement: CapturedStatement;
  indexes: string[];
  /** Sorts and the rows that went into each. */
  sorts: Array<{ type: string; method: string; rowsIn: number }>;
  rowsRemovedByFilter: number;
  sharedBlocks: number;
  executionMs: number;
  /** Node types of the main path, top down, e.g. `Limit > Index Scan (ix_actions_deadline)`. */
  shape: string;
  text: string;
}

/** The product's list statements among captured ones: the one reading `actions` with a LIMIT. */
export function listStatements(captured: readonly CapturedStatement[]): CapturedStatement[] {
  return captured.filter(
    (statement) => /FROM "actions" "a"/.test(statement.text) && /LIMIT/.test(statement.text),
  );
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** The main path: follows the first child that is not a subplan. */
function shapeOf(root: PlanNode): string {
  const steps: string[] = [];
  let node: PlanNode | undefined = root;
  while (node) {
    const index = node['Index Name'] ? ` (${node['Index Name']})` : '';
    const rows = node['Actual Rows'] === undefined ? '' : ` ${node['Actual Rows']} rows`;
    steps.push(`${node['Node Type']}${index}${rows}`);
    node = node.Plans?.find((child) => !child['Subplan Name']);
  }
  return steps.join(' > ');
}

export async function explain(
  client: Client,
  label: string,
  statement: CapturedStatement,
): Promise<PlanFinding> {
  const options = 'ANALYZE, BUFFERS';
  const [{ rows: json }, { rows: text }] = [
    await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> }>(
      `EXPLAIN (${options}, FORMAT JSON) ${statement.text}`,
      statement.values,
    ),
    await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (${options}) ${statement.text}`,
      statement.values,
    ),
  ];
  const [{ Plan: plan, 'Execution Time': executionMs }] = json[0]['QUERY PLAN'];
  const indexes = new Set<string>();
  const sorts: PlanFinding['sorts'] = [];
  let rowsRemovedByFilter = 0;
  walk(plan, (node) => {
    if (node['Index Name'] && !node['Subplan Name']) indexes.add(node['Index Name']);
    rowsRemovedByFilter += (node['Rows Removed by Filter'] ?? 0) * (node['Actual Loops'] ?? 1);
    if (/Sort$/.test(node['Node Type'])) {
      const input = node.Plans?.[0];
      sorts.push({
        type: node['Node Type'],
        method: node['Sort Method'] ?? '',
        rowsIn: (input?.['Actual Rows'] ?? 0) * (input?.['Actual Loops'] ?? 1),
      });
    }
  });
  return {
    label,
    statement,
    indexes: [...indexes],
    sorts,
    rowsRemovedByFilter,
    sharedBlocks: (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0),
    executionMs,
    shape: shapeOf(plan),
    text: text.map((row) => row['QUERY PLAN']).join('\n'),
  };
}

/**
 * The same statement as the product could send it: the one programme as an equality rather
 * than `= ANY(array)` (which hides the order of the index from the planner), and, where the
 * keyset is spelled out as an OR (keys sorting different ways), the first key's bound as a
 * condition of its own that the index can seek to. Undefined when the text has no `= ANY`.
 */
export function proposedForm(statement: CapturedStatement): CapturedStatement | undefined {
  const equality = statement.text.replace(
    /"a"\."programme_id" = ANY\((\$\d+)::uuid\[\]\)/,
    (_match, parameter: string) => `"a"."programme_id" = (${parameter}::uuid[])[1]`,
  );
  const bounded = equality.replace(
    /\(\(((?:lower\()?"a"\."\w+"\)?) ([<>]) (\$\d+)\) OR /,
    (match, key: string, operator: string, parameter: string) =>
      `${key} ${operator}= ${parameter} AND ${match}`,
  );
  if (equality === statement.text) return undefined;
  return { text: bounded, values: statement.values };
}
