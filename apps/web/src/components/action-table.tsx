import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableCaption,
} from './nlds';
import type { Schemas } from '../api/client';
import { useT } from '../i18n';

export type Action = Schemas['ActionResponse'];

/**
 * A list of actions as a table: the title links to the action; status and health are words,
 * never colour alone (WCAG 1.4.1).
 */
export function ActionTable({ caption, actions }: { caption: string; actions: Action[] }) {
  const t = useT();
  return (
    <div className="sbt-table-scroll">
      <Table>
        <TableCaption className="sbt-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.actionTable.title}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.actionTable.deadline}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.actionTable.status}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.actionTable.health}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.actionTable.percent}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.actionTable.owner}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {actions.map((action) => (
            <TableRow key={action.id}>
              <TableCell>
                <Link href={`/acties/${action.id}`}>{action.title}</Link>
              </TableCell>
              <TableCell>
                {t.format.date(action.deadline)}
                {action.overdue && <> ({t.actionTable.overdue})</>}
              </TableCell>
              <TableCell>{t.status[action.status]}</TableCell>
              <TableCell>{t.health[action.health]}</TableCell>
              <TableCell>{t.format.percent(action.percentComplete)}</TableCell>
              <TableCell>{action.ownerOrganisation.name}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
