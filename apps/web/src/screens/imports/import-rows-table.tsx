import type { ReactNode } from 'react';
import {
  Link,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { type Messages, useT } from '../../i18n';
import {
  changeInWords,
  entityPath,
  type ImportRow,
  isEmpty,
  rowName,
  valueInWords,
} from './import-words';

/**
 * Rows of an import: where in the file, the title (a link once the commitment or action
 * exists), the outcome in words, and what the row says in the last column.
 */
export function ImportRowsTable(props: {
  caption: string;
  /** The caption says what the section's heading says already: for screen readers only. */
  captionHidden?: boolean;
  rows: ImportRow[];
  /** The outcome in other words than the dry run's (what the apply made of it). */
  outcome?: (row: ImportRow) => string;
  detailsHeader: string;
  details: (row: ImportRow) => ReactNode;
}) {
  const t = useT();
  const i = t.imports;
  return (
    <Table>
      <TableCaption className={props.captionHidden ? 'sbt-visually-hidden' : undefined}>
        {props.caption}
      </TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{i.row}</TableHeaderCell>
          <TableHeaderCell scope="col">{i.rowTitle}</TableHeaderCell>
          <TableHeaderCell scope="col">{i.outcome}</TableHeaderCell>
          <TableHeaderCell scope="col">{props.detailsHeader}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((row) => {
          const path = entityPath(row);
          const title = row.title || i.noTitle;
          return (
            <TableRow key={row.position}>
              <TableHeaderCell scope="row">{rowName(i, row)}</TableHeaderCell>
              <TableCell>{path ? <Link href={path}>{title}</Link> : title}</TableCell>
              <TableCell>{props.outcome?.(row) ?? i.outcomes[row.outcome]}</TableCell>
              <TableCell>{props.details(row)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Lines of words in a cell; none is no list at all. */
export function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  if (lines.length === 1) return <span className="sbt-value">{lines[0]}</span>;
  return (
    <UnorderedList className="sbt-import-lines">
      {lines.map((line, index) => (
        <UnorderedListItem key={index} className="sbt-value">
          {line}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/**
 * What a changed row sets: "Deadline: “1 maart 2027” → “1 juni 2027”" (a conflict lists the
 * same, from the app's value now, as its conflicts); a new row only what it fills in.
 */
export function changeLines(t: Messages, row: ImportRow): string[] {
  if (row.outcome === 'create')
    return row.changes
      .filter((change) => !isEmpty(change.to))
      .map((change) => t.imports.setTo(change.column, valueInWords(t, change.to)));
  const changes = row.outcome === 'conflict' ? row.conflicts : row.changes;
  return changes.map((change) => changeInWords(t, change));
}

/** Every problem of a row at its cell: "Kolom J (Deadline): reden". */
export function errorLines(i: Messages['imports'], row: ImportRow): string[] {
  return row.errors.map((error) =>
    i.errorAt(error.columnLetter ?? null, error.column, error.reason),
  );
}
