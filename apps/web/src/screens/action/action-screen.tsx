import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { type Action, ActionTable } from '../../components/action-table';
import { AttachmentsSection } from '../../components/attachments-section';
import {
  DataList,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useAttachments } from '../../components/use-attachments';
import { useT } from '../../i18n';
import { useMe } from '../../session/session';
import { NotFoundScreen } from '../not-found/not-found-screen';
import {
  CommentsSection,
  HistorySection,
  ListBody,
  TimelineSection,
  useComments,
  useHistory,
} from './activity-sections';
import { CommitmentSection } from './commitment-section';
import { mayPostProgress } from './may-update';
import { useAction } from './use-action';
import { type Names, useNames } from './use-names';
import { usePagedList } from './use-paged-list';
import { RespondSection } from './respond-section';
import { RollupSection } from './rollup-section';
import { mayAddSubAction, mayEdit, mayVerify } from '../action-edit/may-edit';
import { VerifySection } from './verify-section';

/** Actie: everything about one action (the page every e-mail and calendar event links to). */
export default function ActionScreen() {
  const t = useT();
  const { id = '' } = useParams();
  const { state, reload } = useAction(id);
  usePageTitle(state.status === 'loaded' ? state.action.title : t.action.title);

  if (state.status === 'notFound') return <NotFoundScreen />;
  // The heading stays the same element from loading to loaded: the shell focuses it after a
  // navigation, and focus must not drop to the page when the action arrives.
  return (
    <>
      <Heading level={1}>{state.status === 'loaded' ? state.action.title : t.action.title}</Heading>
      {state.status === 'loaded' ? (
        // Keyed by the action: another action's page starts afresh.
        <ActionPage key={state.action.id} action={state.action} etag={state.etag} reload={reload} />
      ) : (
        <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>
      )}
    </>
  );
}

function ActionPage(props: {
  action: Action;
  /** The version a change to the action names in If-Match. */
  etag: string;
  /** Loads the action again after a change made on this page. */
  reload: () => Promise<void>;
}) {
  const { action } = props;
  const t = useT();
  const me = useMe();
  const names = useNames(action.programmeId);
  const comments = useComments(action.id);
  const history = useHistory(action.id);
  const attachments = useAttachments({ kind: 'action', id: action.id });
  return (
    <>
      <Paragraph className="sbt-text">{action.description}</Paragraph>
      {(mayPostProgress(me, action) || mayEdit(me, action)) && (
        <div className="sbt-row">
          {mayPostProgress(me, action) && (
            <Link href={`/acties/${action.id}/voortgang`}>{t.action.reportProgress}</Link>
          )}
          {mayEdit(me, action) && (
            <Link href={`/acties/${action.id}/bewerken`}>{t.actionEdit.page.edit}</Link>
          )}
          {mayAddSubAction(me, action) && (
            <Link href={`/acties/nieuw?parent=${action.id}`}>{t.actionEdit.page.addSubAction}</Link>
          )}
        </div>
      )}
      <Summary action={action} names={names} />
      {action.rollup && <RollupSection actionId={action.id} rollup={action.rollup} />}
      {action.latestNarrative && (
        <section aria-labelledby="toelichting">
          <Heading level={2} id="toelichting">
            {t.action.narrative}
          </Heading>
          <Paragraph className="sbt-text">{action.latestNarrative}</Paragraph>
        </section>
      )}
      <PartnersSection action={action} names={names} />
      <CommitmentSection commitmentId={action.commitmentId} names={names} />
      <SubActionsSection actionId={action.id} />
      <AttachmentsSection
        subject={{ kind: 'action', id: action.id }}
        list={attachments}
        mayChange={mayEdit(me, action)}
        onChanged={history.reload}
      />
      <TimelineSection actionId={action.id} names={names} />
      <CommentsSection list={comments} names={names} />
      <RespondSection
        action={action}
        etag={props.etag}
        onChanged={() => {
          comments.reload();
          history.reload();
          return props.reload();
        }}
      />
      {mayVerify(me, action) && (
        <VerifySection
          action={action}
          etag={props.etag}
          attachments={attachments}
          onChanged={() => {
            history.reload();
            return props.reload();
          }}
        />
      )}
      <HistorySection list={history} names={names} />
    </>
  );
}

/** The title of the action this one is part of (a sub-action's parent). */
function useParentTitle(parentId: string | null): string | undefined {
  const [title, setTitle] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!parentId) return;
    let current = true;
    void api
      .GET('/actions/{id}', { params: { path: { id: parentId } } })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => current && data && setTitle(data.title));
    return () => {
      current = false;
    };
  }, [parentId]);
  return title;
}

function Summary({ action, names }: { action: Action; names: Names }) {
  const t = useT();
  const parentTitle = useParentTitle(action.parentActionId);
  const owner = names.person(action.ownerUserId);
  const track = names.track(action.trackId);
  return (
    <section aria-labelledby="samenvatting">
      <Heading level={2} id="samenvatting">
        {t.action.summary}
      </Heading>
      <DataList
        items={[
          { key: t.action.status, value: t.status[action.status] },
          { key: t.action.health, value: t.health[action.health] },
          { key: t.action.percent, value: t.format.percent(action.percentComplete) },
          { key: t.action.verification, value: t.verification[action.verification] },
          ...(action.startDate
            ? [{ key: t.action.startDate, value: t.format.date(action.startDate) }]
            : []),
          {
            key: t.action.deadline,
            value: `${t.format.date(action.deadline)}${action.overdue ? ` (${t.actionTable.overdue})` : ''}`,
          },
          ...(action.closedAt
            ? [{ key: t.action.closedAt, value: t.format.dateTime(action.closedAt) }]
            : []),
          {
            key: t.action.escalation,
            value: action.escalationLevel
              ? t.escalationLevel[action.escalationLevel]
              : t.action.notEscalated,
          },
          { key: t.action.owner, value: action.ownerOrganisation.name },
          ...(action.ownerUserId
            ? [{ key: t.action.ownerPerson, value: owner ?? t.action.unknown }]
            : []),
          ...(action.trackId ? [{ key: t.action.track, value: track ?? t.action.unknown }] : []),
          ...(action.parentActionId
            ? [
                {
                  key: t.action.parent,
                  value: (
                    <Link href={`/acties/${action.parentActionId}`}>
                      {parentTitle ?? t.action.parent}
                    </Link>
                  ),
                },
              ]
            : []),
          {
            key: t.action.tags,
            value: action.tags.length > 0 ? action.tags.join(', ') : t.action.none,
          },
          { key: t.action.public, value: action.public ? t.action.yes : t.action.no },
        ]}
      />
    </section>
  );
}

/**
 * The partners with their role and the latest position their organisation stated; an
 * organisation that stated one without being a partner (the owner, say) is listed too.
 */
function PartnersSection({ action, names }: { action: Action; names: Names }) {
  const t = useT();
  const positionOf = (organisationId: string) =>
    action.positions.find((position) => position.organisationId === organisationId);
  const rows = [
    ...action.partners.map((partner) => ({
      id: partner.organisation.id,
      name: partner.organisation.name,
      role: t.partnerRole[partner.role],
    })),
    ...action.positions
      .filter(
        (position) =>
          !action.partners.some((partner) => partner.organisation.id === position.organisationId),
      )
      .map((position) => ({
        id: position.organisationId,
        name: names.organisation(position.organisationId) ?? t.action.unknown,
        role:
          position.organisationId === action.ownerOrganisation.id
            ? t.action.owner
            : t.action.notAPartner,
      })),
  ];
  return (
    <section aria-labelledby="partners">
      <Heading level={2} id="partners">
        {t.action.partners}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{t.action.partnersNone}</Paragraph>
      ) : (
        <>
          <Paragraph>{t.action.partnersIntro}</Paragraph>
          <div className="sbt-table-scroll">
            <Table>
              <TableCaption className="sbt-visually-hidden">{t.action.partners}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.action.organisation}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.action.partnerRole}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.action.position}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => {
                  const position = positionOf(row.id);
                  return (
                    <TableRow key={row.id}>
                      <TableHeaderCell scope="row">{row.name}</TableHeaderCell>
                      <TableCell>{row.role}</TableCell>
                      <TableCell>
                        {position
                          ? t.action.positionSince(
                              t.position[position.position],
                              t.format.date(position.statedAt),
                            )
                          : t.action.noPosition}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

function SubActionsSection({ actionId }: { actionId: string }) {
  const t = useT();
  const list = usePagedList<Action>(actionId, (cursor) =>
    api
      .GET('/actions', { params: { query: { parent: actionId, limit: 50, cursor } } })
      .then(({ data }) => data),
  );
  return (
    <section aria-labelledby="deelacties">
      <Heading level={2} id="deelacties">
        {t.action.subActions}
      </Heading>
      <ListBody list={list} empty={t.action.subActionsNone}>
        {(actions) => <ActionTable caption={t.action.subActions} actions={actions} />}
      </ListBody>
    </section>
  );
}
