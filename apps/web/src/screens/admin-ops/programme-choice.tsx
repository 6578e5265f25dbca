import { useSearchParams } from 'react-router';
import { SelectField } from '../../components/nlds';
import { useProgrammes } from '../../components/use-programmes';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';

/**
 * The programme these screens are about: the one the person works in (the header's switcher);
 * a platform administrator who is a member of none chooses one here (`?programma=<id>`).
 */
export function useAdminProgramme(): {
  programmeId: string | null;
  /** Coordinators of the programme and platform administrators manage its reminders. */
  mayManage: boolean;
  isPlatformAdmin: boolean;
  isCoordinator: boolean;
} {
  const { programmeId, role, isPlatformAdmin } = useProgrammeRole();
  const [params] = useSearchParams();
  const chosen = programmeId ?? (isPlatformAdmin ? params.get('programma') : null);
  const isCoordinator = role === 'coordinator';
  return {
    programmeId: chosen,
    mayManage: chosen !== null && (isCoordinator || isPlatformAdmin),
    isPlatformAdmin,
    isCoordinator,
  };
}

/** For a platform administrator outside any programme: which programme to look at. */
export function ProgrammeChoice({ emptyLabel }: { emptyLabel?: string }) {
  const t = useT();
  const { programmeId, role } = useProgrammeRole();
  const programmes = useProgrammes();
  const [params, setParams] = useSearchParams();
  if (programmeId !== null || role !== null) return null;
  return (
    <SelectField
      id="programma"
      label={t.adminOps.programme}
      value={params.get('programma') ?? ''}
      onChange={(event) => {
        const next = new URLSearchParams(params);
        if (event.target.value) next.set('programma', event.target.value);
        else next.delete('programma');
        setParams(next);
      }}
    >
      <option value="">{emptyLabel ?? t.adminOps.chooseProgramme}</option>
      {programmes.map((programme) => (
        <option key={programme.id} value={programme.id}>
          {programme.name}
        </option>
      ))}
    </SelectField>
  );
}
