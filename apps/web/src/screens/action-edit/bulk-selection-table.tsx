import type { Action } from '../../components/action-table';
import {
  CheckboxField,
  Link,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  VisuallyHidden,
} from '../../components/nlds';
import { useT } from '../../i18n';
import type { Choices } from './use-choices';

/** The listed actions, each with its own checkbox where the person may change it. */
export function SelectionTable(props: {
  actions: Action[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  mayChange: (action: Action) => boolean;
  choices: Choices;
}) {
  const t = useT();
  const b = t.bulk;
  const trackName = (id: string | null) =>
    id ? (props.choices.tracks.find((track) => track.id === id)?.name ?? t.action.unknown) : '—';
  return (
    <div className="sbt-table-scroll">
      <Table>
        <TableCaption>{b.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{b.select}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.actionTable.title}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.actionTable.owner}</TableHeaderCell>
            <TableHeaderCell scope="col">{b.trackColumn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.actionTable.deadline}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.actionTable.status}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.action.tags}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.actions.map((action) => (
            <TableRow key={action.id}>
              <TableCell>
                {props.mayChange(action) ? (
                  <CheckboxField
                    id={`bulk-${action.id}`}
                    label={<VisuallyHidden>{b.selectOne(action.title)}</VisuallyHidden>}
                    checked={props.selected.has(action.id)}
                    onChange={(on) => props.onToggle(action.id, on)}
                  />
                ) : (
                  b.notYours
                )}
              </TableCell>
              <TableCell>
                <Link href={`/acties/${action.id}`}>{action.title}</Link>
              </TableCell>
              <TableCell>{action.ownerOrganisation.name}</TableCell>
              <TableCell>{trackName(action.trackId)}</TableCell>
              <TableCell>{t.format.date(action.deadline)}</TableCell>
              <TableCell>{t.status[action.status]}</TableCell>
              <TableCell>{action.tags.length ? action.tags.join(', ') : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
