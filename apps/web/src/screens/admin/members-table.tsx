import {
  Button,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds';
import { useT } from '../../i18n';
import type { Member } from './member-values';

/** The members the filters let through, each with the buttons that open a step of its own. */
export function MembersTable({
  members,
  onStep,
}: {
  members: Member[];
  onStep: (kind: 'role' | 'remove', member: Member) => void;
}) {
  const t = useT();
  return (
    <Table>
      <TableCaption>{t.admin.membersCaption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t.admin.memberName}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.admin.userEmail}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.admin.memberOrganisation}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.admin.memberRole}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.admin.actions}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => (
          <TableRow key={member.id}>
            <TableHeaderCell scope="row">
              {member.displayName}
              {!member.isActive && ` (${t.admin.memberInactive})`}
            </TableHeaderCell>
            <TableCell>{member.email}</TableCell>
            <TableCell>
              {member.organisation.name} ({member.organisation.code})
            </TableCell>
            <TableCell>{t.role[member.role]}</TableCell>
            <TableCell>
              <div className="sbt-row">
                <Button
                  id={`rol-${member.id}`}
                  appearance="secondary-action-button"
                  aria-label={t.admin.changeRoleOf(member.displayName)}
                  onClick={() => onStep('role', member)}
                >
                  {t.admin.changeRole}
                </Button>
                <Button
                  id={`verwijder-${member.id}`}
                  appearance="secondary-action-button"
                  aria-label={t.admin.removeMember(member.displayName)}
                  onClick={() => onStep('remove', member)}
                >
                  {t.admin.remove}
                </Button>
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
