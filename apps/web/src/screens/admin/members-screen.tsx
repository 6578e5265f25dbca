import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { api, cursorOf, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  RadioGroupField,
  SelectField,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammes } from '../../components/use-programmes';
import { type ProgrammeRole, useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import {
  errorFor,
  focusSoon,
  generalProblem,
  looksLikeEmail,
  NoPermission,
  Panel,
} from './admin-parts';

type Member = Schemas['MemberResponse'];
const ROLES: ProgrammeRole[] = ['coordinator', 'editor', 'liaison', 'viewer'];
/** More pages than a programme has members in practice; a stop against a runaway loop. */
const MAX_PAGES = 25;

const EMAIL_ID = 'lid-email';
const ROLE_ID = 'lid-rol';
const NEW_ROLE_ID = 'nieuwe-rol';
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

function useMemberList(programmeId: string, version: number) {
  const [state, setState] = useState<Member[] | 'loading' | 'failed'>('loading');
  useEffect(() => {
    let current = true;
    void (async () => {
      const all: Member[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const { data } = await api
          .GET('/programmes/{id}/members', {
            params: { path: { id: programmeId }, query: { limit: 200, cursor } },
          })
          .catch(() => ({ data: undefined }));
        if (!data) {
          if (current) setState('failed');
          return;
        }
        all.push(...data.data);
        cursor = cursorOf(data._links.next);
        if (!cursor) break;
      }
      if (current) setState(all);
    })();
    return () => {
      current = false;
    };
  }, [programmeId, version]);
  return state;
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
                    {shown.map((member) => (
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
                              onClick={() => {
                                setErrors([]);
                                setStep({ kind: 'role', member });
                              }}
                            >
                              {t.admin.changeRole}
                            </Button>
                            <Button
                              id={`verwijder-${member.id}`}
                              appearance="secondary-action-button"
                              aria-label={t.admin.removeMember(member.displayName)}
                              onClick={() => {
                                setErrors([]);
                                setStep({ kind: 'remove', member });
                              }}
                            >
                              {t.admin.remove}
                            </Button>
                          </div>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
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

function AddMember(props: {
  programmeId: string;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onAdded: () => void;
}) {
  const t = useT();
  const announce = useAnnounce();
  const idempotency = useIdempotencyKey();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProgrammeRole>('viewer');
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    const address = email.trim();
    if (!address) return props.onErrors([{ fieldId: EMAIL_ID, message: t.admin.emailRequired }]);
    if (!looksLikeEmail(address))
      return props.onErrors([{ fieldId: EMAIL_ID, message: t.admin.emailInvalid }]);
    const request = { email: address, role };
    setBusy(true);
    const result = await api
      .POST('/programmes/{id}/members', {
        params: {
          path: { id: props.programmeId },
          header: { 'Idempotency-Key': idempotency.keyFor(request) },
        },
        body: request,
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      idempotency.done();
      const message = t.admin.memberAdded(result.data.displayName, t.role[result.data.role]);
      props.onErrors([]);
      setEmail('');
      setAdded(message);
      announce(message);
      props.onAdded();
      return;
    }
    const problem = result?.error;
    const status = result?.response.status;
    if (status === 409 && problem?.code === 'MEMBER_EXISTS')
      return props.onErrors([{ fieldId: EMAIL_ID, message: t.admin.memberExists }]);
    const params = problem?.invalidParams ?? [];
    if (status === 400 && params.some((param) => param.name === 'email'))
      return props.onErrors([
        {
          fieldId: EMAIL_ID,
          message: params.some((param) => /active user/.test(param.reason))
            ? t.admin.emailUnknown
            : t.admin.emailInvalid,
        },
      ]);
    props.onErrors([{ message: generalProblem(problem, status, t) }]);
  }

  return (
    <section aria-labelledby="lid-toevoegen-kop">
      <Heading level={2} id="lid-toevoegen-kop">
        {t.admin.addMemberTitle}
      </Heading>
      <Paragraph>{t.admin.addMemberIntro}</Paragraph>
      {added && (
        <Alert type="ok">
          <Paragraph>{added}</Paragraph>
        </Alert>
      )}
      <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
        <TextField
          id={EMAIL_ID}
          type="email"
          autoComplete="off"
          label={t.admin.memberEmail}
          description={t.admin.memberEmailDescription}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          errorMessage={errorFor(props.errors, EMAIL_ID)}
          required
        />
        <RadioGroupField
          id={ROLE_ID}
          name="role"
          legend={t.admin.newMemberRole}
          value={role}
          onChange={(value) => setRole(value as ProgrammeRole)}
          choices={ROLES.map((value) => ({
            value,
            label: t.role[value],
            description: t.admin.roleAbout[value],
          }))}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {t.admin.addMember}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ChangeRole(props: {
  programmeId: string;
  member: Member;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onCancel: () => void;
  onDone: (gone: boolean) => void;
}) {
  const { member } = props;
  const t = useT();
  const announce = useAnnounce();
  const [role, setRole] = useState<ProgrammeRole>(member.role);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (role === member.role)
      return props.onErrors([{ fieldId: NEW_ROLE_ID, message: t.admin.roleUnchanged }]);
    setBusy(true);
    const result = await api
      .PATCH('/programmes/{id}/members/{membershipId}', {
        params: { path: { id: props.programmeId, membershipId: member.id } },
        body: { role },
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      props.onErrors([]);
      announce(t.admin.roleChanged(member.displayName, t.role[result.data.role]));
      return props.onDone(false);
    }
    const status = result?.response.status;
    if (status === 409)
      return props.onErrors([{ fieldId: NEW_ROLE_ID, message: t.admin.lastCoordinator }]);
    if (status === 404) {
      announce(t.admin.memberGone);
      return props.onDone(true);
    }
    props.onErrors([{ message: generalProblem(result?.error, status, t) }]);
  }

  return (
    <Panel id="rol-wijzigen" title={t.admin.changeRoleTitle(member.displayName)}>
      <Paragraph>{t.admin.currentRole(t.role[member.role])}</Paragraph>
      <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
        <SelectField
          id={NEW_ROLE_ID}
          label={t.admin.newRole}
          value={role}
          onChange={(event) => setRole(event.target.value as ProgrammeRole)}
          errorMessage={errorFor(props.errors, NEW_ROLE_ID)}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t.role[value]}
            </option>
          ))}
        </SelectField>
        <div className="sbt-row">
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {t.admin.confirmRole}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={props.onCancel}>
            {t.admin.cancel}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

function RemoveMember(props: {
  programmeId: string;
  member: Member;
  onErrors: (errors: FieldError[]) => void;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { member } = props;
  const t = useT();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (busy) return;
    setBusy(true);
    const result = await api
      .DELETE('/programmes/{id}/members/{membershipId}', {
        params: { path: { id: props.programmeId, membershipId: member.id } },
      })
      .catch(() => null);
    setBusy(false);
    const status = result?.response.status;
    if (status === 204 || status === 404) {
      props.onErrors([]);
      announce(status === 204 ? t.admin.memberRemoved(member.displayName) : t.admin.memberGone);
      return props.onDone();
    }
    props.onErrors([
      {
        message:
          status === 409 ? t.admin.lastCoordinator : generalProblem(result?.error, status, t),
      },
    ]);
  }

  return (
    <Panel id="lid-verwijderen" title={t.admin.removeTitle(member.displayName)}>
      <Paragraph>{t.admin.removeWarning}</Paragraph>
      <div className="sbt-row">
        <Button
          appearance="primary-action-button"
          busy={busy}
          aria-disabled={busy}
          onClick={() => void remove()}
        >
          {t.admin.confirmRemove}
        </Button>
        <Button appearance="secondary-action-button" onClick={props.onCancel}>
          {t.admin.cancel}
        </Button>
      </div>
    </Panel>
  );
}
