import { useMemo, useState } from 'react';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Alert, Heading, Paragraph, SelectField, TextField } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammes } from '../../components/use-programmes';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { focusSoon, NoPermission } from './admin-parts';
import { AddMember } from './member-add-form';
import { ChangeRole, RemoveMember } from './member-steps';
import { type Member, ROLES } from './member-values';
import { MembersTable } from './members-table';
import { useMemberList } from './use-member-list';

const LIST_HEADING_ID = 'leden-kop';

type Step = { kind: 'role' | 'remove'; member: Member } | null;

/**
 * Leden en rollen (coordinators, platform administrators): who takes part in the programme
 * the person works in. The API has no search over members, so the whole list (a few hundred
 * at most) is read and filtered here. A coordinator may not list users (platform
 * administrators only), so a new member is named by the e-mail address they sign in with.
 */
export default function MembersScreen() {
  const t = useT();
  const { programmeId, role, isPlatformAdmin } = useProgrammeRole();
  const programmes = useProgrammes();
  const [chosen, setChosen] = useState<string | null>(null);
  if (!isPlatformAdmin && role !== 'coordinator')
    return <NoPermission title={t.admin.members} message={t.admin.noPermissionMembers} />;
  // A platform administrator manages every programme, member of it or not: they choose here.
  const id = chosen ?? programmeId ?? (isPlatformAdmin ? (programmes[0]?.id ?? null) : null);
  if (!id) return <NoProgramme />;
  return (
    <Members
      programmeId={id}
      programmes={programmes}
      onChoose={isPlatformAdmin && programmes.length > 1 ? setChosen : undefined}
    />
  );
}

function NoProgramme() {
  const t = useT();
  usePageTitle(t.admin.members);
  return (
    <>
      <Heading level={1}>{t.admin.members}</Heading>
      <Paragraph>{t.admin.noProgramme}</Paragraph>
    </>
  );
}

function Members({
  programmeId,
  programmes,
  onChoose,
}: {
  programmeId: string;
  programmes: Array<{ id: string; name: string }>;
  onChoose?: (programmeId: string) => void;
}) {
  const t = useT();
  usePageTitle(t.admin.members);
  const programme = programmes.find((candidate) => candidate.id === programmeId);
  const [version, setVersion] = useState(0);
  const members = useMemberList(programmeId, version);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [step, setStep] = useState<Step>(null);
  const [text, setText] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [roleFilter, setRoleFilter] = useState('');

  const all = useMemo(() => (Array.isArray(members) ? members : []), [members]);
  const organisations = useMemo(() => {
    const byId = new Map(all.map((member) => [member.organisation.id, member.organisation]));
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }, [all]);
  const needle = text.trim().toLocaleLowerCase('nl');
  const shown = all.filter(
    (member) =>
      (!needle ||
        member.displayName.toLocaleLowerCase('nl').includes(needle) ||
        member.email.includes(needle)) &&
      (!organisation || member.organisation.id === organisation) &&
      (!roleFilter || member.role === roleFilter),
  );

  const reload = () => setVersion((value) => value + 1);
  const close = (focusId: string) => {
    setStep(null);
    focusSoon(focusId);
  };

  return (
    <>
      <Heading level={1}>{t.admin.members}</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>{t.admin.membersIntro(programme?.name ?? '…')}</Paragraph>
      <div className="sbt-stack">
        {onChoose && (
          <div className="sbt-form">
            <SelectField
              id="leden-programma"
              label={t.admin.tokenProgramme}
              value={programmeId}
              onChange={(event) => {
                setStep(null);
                setErrors([]);
                onChoose(event.target.value);
              }}
            >
              {programmes.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </SelectField>
          </div>
        )}
        <section aria-labelledby="leden-filter-kop">
          <Heading level={2} id="leden-filter-kop">
            {t.admin.filtersTitle}
          </Heading>
          <div className="sbt-filters">
            <TextField
              id="leden-tekst"
              type="search"
              label={t.admin.memberFilterText}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            <SelectField
              id="leden-organisatie"
              label={t.admin.memberFilterOrganisation}
              value={organisation}
              onChange={(event) => setOrganisation(event.target.value)}
            >
              <option value="">{t.admin.any}</option>
              {organisations.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name} ({candidate.code})
                </option>
              ))}
            </SelectField>
            <SelectField
              id="leden-rol"
              label={t.admin.memberFilterRole}
              value={roleFilter}
              onChange={(event) => setRoleFilter(event.target.value)}
            >
              <option value="">{t.admin.any}</option>
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {t.role[value]}
                </option>
              ))}
            </SelectField>
          </div>
        </section>

        {step?.kind === 'role' && (
          <ChangeRole
            key={step.member.id}
            programmeId={programmeId}
            member={step.member}
            errors={errors}
            onErrors={setErrors}
            onCancel={() => close(`rol-${step.member.id}`)}
            onDone={(gone) => {
              reload();
              close(gone ? LIST_HEADING_ID : `rol-${step.member.id}`);
            }}
          />
        )}
        {step?.kind === 'remove' && (
          <RemoveMember
            key={step.member.id}
            programmeId={programmeId}
            member={step.member}
            onErrors={setErrors}
            onCancel={() => close(`verwijder-${step.member.id}`)}
            onDone={() => {
              reload();
              close(LIST_HEADING_ID);
            }}
          />
        )}

        <section aria-labelledby={LIST_HEADING_ID}>
          <Heading level={2} id={LIST_HEADING_ID} tabIndex={-1}>
            {t.admin.membersCaption}
          </Heading>
          {members === 'loading' && <Paragraph>{t.app.loading}</Paragraph>}
          {members === 'failed' && (
            <Alert type="error">
              <Paragraph>{t.admin.loadFailed}</Paragraph>
            </Alert>
          )}
          {Array.isArray(members) && (
            <>
              <Paragraph>{t.admin.shown(shown.length, all.length)}</Paragraph>
              {shown.length === 0 ? (
                <Paragraph>{t.admin.noMembersMatch}</Paragraph>
              ) : (
                <MembersTable
                  members={shown}
                  onStep={(kind, member) => {
                    setErrors([]);
                    setStep({ kind, member });
                  }}
                />
              )}
            </>
          )}
        </section>

        <AddMember
          programmeId={programmeId}
          errors={errors}
          onErrors={setErrors}
          onAdded={reload}
        />
      </div>
    </>
  );
}
