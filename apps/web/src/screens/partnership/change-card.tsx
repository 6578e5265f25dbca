import type { Schemas } from '../../api/client';
import {
  Button,
  Heading,
  Link,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
  VisuallyHidden,
} from '../../components/nlds';
import { type Messages, useT } from '../../i18n';
import { useMe } from '../../session/session';
import { valueInWords, who } from '../action/activity-sections';
import { RespondSection } from '../action/respond-section';
import type { Names } from '../action/use-names';
import type { ActionChanges, FieldChange } from './use-partner-changes';

type HistoryEntry = Schemas['HistoryEntryResponse'];

/** Fields whose values are long texts or ids the page does not name: said without values. */
const WITHOUT_VALUES = new Set(['description', 'commitmentId', 'parentActionId']);

function fieldInWords(t: Messages, names: Names, change: FieldChange): string {
  const label = t.action.field[change.field] ?? change.field;
  if (WITHOUT_VALUES.has(change.field)) return t.action.changedWithoutValues(label);
  return t.action.change(
    label,
    valueInWords(t, names, change.field, change.from),
    valueInWords(t, names, change.field, change.to),
  );
}

function author(t: Messages, names: Names, entry: HistoryEntry): string {
  return who(t, names, entry.actor.id, entry.actor.organisationId);
}

/** What a progress update set besides its narrative, in words. */
function setInWords(t: Messages, entry: HistoryEntry): string[] {
  const values = entry.changes ?? {};
  const lines: string[] = [];
  if (typeof values.status === 'string')
    lines.push(t.action.set(t.action.status, t.status[values.status as 'met'] ?? values.status));
  if (typeof values.health === 'string')
    lines.push(
      t.action.set(t.action.health, t.health[values.health as 'on_track'] ?? values.health),
    );
  if (typeof values.percentComplete === 'number')
    lines.push(t.action.set(t.action.percent, t.format.percent(values.percentComplete)));
  return lines;
}

/**
 * One changed action: its changed fields, new narratives and new comments side by side (one
 * under the other on a narrow screen), and the response a partner gives, opened on request.
 */
export function ChangeCard(props: {
  changes: ActionChanges;
  names: Names;
  responding: boolean;
  onRespond: (open: boolean) => void;
  onChanged: () => Promise<void>;
}) {
  const { changes, names } = props;
  const { action } = changes;
  const t = useT();
  const me = useMe();
  const headingId = `wijziging-${action.id}`;
  const respondId = `reageer-${action.id}`;
  const partner = action.partners.find((p) => p.organisation.id === me.organisation.id);
  return (
    <article aria-labelledby={headingId} className="sbt-change">
      <Heading level={3} id={headingId}>
        <Link href={`/acties/${action.id}`}>{action.title}</Link>
      </Heading>
      <Paragraph>
        {t.partnership.now(
          t.status[action.status],
          t.health[action.health],
          t.format.percent(action.percentComplete),
          action.ownerOrganisation.name,
          partner ? t.partnerRole[partner.role] : t.partnership.noRole,
        )}
      </Paragraph>
      <div className="sbt-change__columns">
        <div className="sbt-change__column">
          <Heading level={4}>{t.partnership.fieldsTitle}</Heading>
          {changes.fields.length === 0 ? (
            <Paragraph>{t.partnership.fieldsNone}</Paragraph>
          ) : (
            <UnorderedList>
              {changes.fields.map((change) => (
                <UnorderedListItem key={change.field}>
                  {fieldInWords(t, names, change)}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </div>
        <div className="sbt-change__column">
          <Heading level={4}>{t.partnership.narrativesTitle}</Heading>
          {changes.narratives.length === 0 ? (
            <Paragraph>{t.partnership.narrativesNone}</Paragraph>
          ) : (
            <OrderedList className="sbt-entries">
              {changes.narratives.map((entry, index) => {
                const set = setInWords(t, entry);
                return (
                  <OrderedListItem key={`${entry.at}-${index}`} className="sbt-entry">
                    <Paragraph>
                      <strong>
                        <time dateTime={entry.at}>{t.format.dateTime(entry.at)}</time>
                      </strong>{' '}
                      {t.action.by(author(t, names, entry))}
                    </Paragraph>
                    {set.length > 0 && <Paragraph>{set.join(' · ')}</Paragraph>}
                    <Paragraph className="sbt-text">{entry.text}</Paragraph>
                  </OrderedListItem>
                );
              })}
            </OrderedList>
          )}
        </div>
        <div className="sbt-change__column">
          <Heading level={4}>{t.partnership.commentsTitle}</Heading>
          {changes.comments.length === 0 ? (
            <Paragraph>{t.partnership.commentsNone}</Paragraph>
          ) : (
            <OrderedList className="sbt-entries">
              {changes.comments.map((entry, index) => (
                <OrderedListItem key={`${entry.at}-${index}`} className="sbt-entry">
                  <Paragraph>
                    <strong>{author(t, names, entry)}</strong>
                    {' – '}
                    <time dateTime={entry.at}>{t.format.dateTime(entry.at)}</time>
                  </Paragraph>
                  {entry.position && (
                    <Paragraph>{t.action.positionStated(t.position[entry.position])}</Paragraph>
                  )}
                  <Paragraph className="sbt-text">{entry.text}</Paragraph>
                </OrderedListItem>
              ))}
            </OrderedList>
          )}
        </div>
      </div>
      <div>
        <Button
          appearance="secondary-action-button"
          aria-expanded={props.responding}
          aria-controls={props.responding ? respondId : undefined}
          onClick={() => props.onRespond(!props.responding)}
        >
          {t.partnership.respond}
          <VisuallyHidden> {t.partnership.respondOn(action.title)}</VisuallyHidden>
        </Button>
      </div>
      {props.responding && (
        <div id={respondId}>
          <RespondSection
            action={action}
            etag={`"${action.version}"`}
            level={4}
            onChanged={props.onChanged}
          />
        </div>
      )}
    </article>
  );
}
