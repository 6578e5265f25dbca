import { useParams, useSearchParams } from 'react-router';
import type { Action } from '../../components/action-table';
import { Alert, Heading, Link, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { useMe } from '../../session/session';
import { useAction } from '../action/use-action';
import { useMembers } from '../action/use-members';
import { NotFoundScreen } from '../not-found/not-found-screen';
import { ActionForm, type FormMode } from './action-form';
import { type FormValues, valuesOf } from './form-values';
import {
  isCoordinator,
  mayChangeOwnership,
  mayCreate,
  mayEdit,
  ownerOrganisationsFor,
} from './may-edit';
import { useChoices } from './use-choices';

/**
 * Nieuwe actie (`/acties/nieuw`, `?parent=<id>` for a sub-action, `?commitment=<id>` to
 * preset the commitment) and Actie bewerken (`/acties/<id>/bewerken`).
 */
export default function ActionFormScreen() {
  const { id } = useParams();
  return id ? <EditScreen id={id} /> : <CreateScreen />;
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  usePageTitle(title);
  // The heading stays the same element from loading to loaded: the shell focuses it.
  return (
    <>
      <Heading level={1}>{title}</Heading>
      {children}
    </>
  );
}

function Notice({ text, back }: { text: string; back?: { href: string; label: string } }) {
  return (
    <>
      <Alert type="info">
        <Paragraph>{text}</Paragraph>
      </Alert>
      {back && (
        <Paragraph>
          <Link href={back.href}>{back.label}</Link>
        </Paragraph>
      )}
    </>
  );
}

function EditScreen({ id }: { id: string }) {
  const t = useT();
  const me = useMe();
  const { state } = useAction(id);
  if (state.status === 'notFound') return <NotFoundScreen />;
  const e = t.actionEdit;
  return (
    <Frame title={e.editTitle}>
      {state.status !== 'loaded' ? (
        <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>
      ) : (
        <>
          <Paragraph purpose="lead">
            <span className="sbt-visually-hidden">{e.forAction}: </span>
            {state.action.title}
          </Paragraph>
          {mayEdit(me, state.action) ? (
            <Loaded
              key={`${state.action.id}:${state.action.version}`}
              programmeId={state.action.programmeId}
              commitmentId={state.action.commitmentId}
              mode={{ kind: 'edit', action: state.action, etag: state.etag }}
              initial={valuesOf(state.action)}
              ownershipEditable={mayChangeOwnership(me, state.action)}
              weightEditable={isCoordinator(me, state.action.programmeId)}
            />
          ) : (
            <Notice
              text={e.editNotAllowed}
              back={{ href: `/acties/${state.action.id}`, label: e.backToAction }}
            />
          )}
        </>
      )}
    </Frame>
  );
}

function CreateScreen() {
  const t = useT();
  const e = t.actionEdit;
  const [params] = useSearchParams();
  const parentId = params.get('parent');
  const commitmentId = params.get('commitment');
  return (
    <Frame title={parentId ? e.subTitle : e.title}>
      {parentId ? (
        <CreateSubAction parentId={parentId} commitmentId={commitmentId} />
      ) : (
        <CreateFor parent={null} commitmentId={commitmentId} />
      )}
    </Frame>
  );
}

function CreateSubAction({
  parentId,
  commitmentId,
}: {
  parentId: string;
  commitmentId: string | null;
}) {
  const t = useT();
  const me = useMe();
  const e = t.actionEdit;
  const { state } = useAction(parentId);
  if (state.status === 'notFound') return <Notice text={e.parentGone} />;
  if (state.status !== 'loaded')
    return <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>;
  const parent = state.action;
  const back = { href: `/acties/${parent.id}`, label: e.backToParent };
  if (parent.parentActionId) return <Notice text={e.parentIsSubAction} back={back} />;
  if (!mayEdit(me, parent)) return <Notice text={e.subNotAllowed} back={back} />;
  return (
    <>
      <Paragraph purpose="lead">
        {e.subOf} <Link href={`/acties/${parent.id}`}>{parent.title}</Link>
      </Paragraph>
      <CreateFor parent={parent} commitmentId={commitmentId ?? parent.commitmentId} />
    </>
  );
}

function CreateFor({
  parent,
  commitmentId,
}: {
  parent: Action | null;
  commitmentId: string | null;
}) {
  const t = useT();
  const me = useMe();
  const { programmeId: chosen } = useProgrammeRole();
  const programmeId = parent?.programmeId ?? chosen;
  if (!programmeId) return <Notice text={t.actionEdit.noProgramme} />;
  if (!mayCreate(me, programmeId)) return <Notice text={t.actionEdit.createNotAllowed} />;
  const owners = ownerOrganisationsFor(me, programmeId);
  const owner =
    parent && (owners === 'all' || owners.includes(parent.ownerOrganisation.id))
      ? parent.ownerOrganisation.id
      : me.organisation.id;
  const initial: FormValues = {
    title: '',
    description: '',
    trackId: '',
    commitmentId: commitmentId ?? '',
    ownerOrganisationId: owner,
    ownerUserId: '',
    partners: [],
    startDate: '',
    deadline: parent?.deadline ?? '',
    reason: '',
    tags: '',
    public: false,
    rollupWeight: '',
  };
  return (
    <Loaded
      programmeId={programmeId}
      commitmentId={commitmentId}
      mode={{ kind: 'create', programmeId, parent }}
      initial={initial}
      ownershipEditable
      weightEditable={false}
    />
  );
}

function Loaded(props: {
  programmeId: string;
  commitmentId: string | null;
  mode: FormMode;
  initial: FormValues;
  ownershipEditable: boolean;
  /** Whether the roll-up weight is offered (coordinators, on an existing action). */
  weightEditable: boolean;
}) {
  const t = useT();
  const me = useMe();
  const choices = useChoices(props.programmeId, props.commitmentId);
  const members = useMembers(props.programmeId);
  if (choices.status === 'failed' || members.status === 'failed')
    return <Paragraph>{t.errors.generic}</Paragraph>;
  if (choices.status === 'loading' || members.status === 'loading')
    return <Paragraph>{t.app.loading}</Paragraph>;
  return (
    <ActionForm
      mode={props.mode}
      initial={props.initial}
      choices={choices}
      members={members.members}
      owners={ownerOrganisationsFor(me, props.programmeId)}
      ownershipEditable={props.ownershipEditable}
      weightEditable={props.weightEditable}
    />
  );
}
