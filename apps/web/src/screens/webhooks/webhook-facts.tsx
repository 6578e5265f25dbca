import { DataList } from '../../components/nlds';
import { useT } from '../../i18n';
import { useNames } from '../action/use-names';
import { when } from '../admin/admin-parts';
import { eventTypeWord, onOffWords, type Webhook } from './webhook-words';

/** A webhook's settings and how its deliveries go, in words (people and filters by name). */
export function WebhookFacts({ programmeId, webhook }: { programmeId: string; webhook: Webhook }) {
  const t = useT();
  const m = t.webhooks;
  const names = useNames(programmeId);
  const onOff = onOffWords(webhook, t);
  const owner = names.person(webhook.ownerUserId) ?? m.unknownPerson;
  const created = t.format.dateTime(webhook.createdAt);
  /** The names of a filter's ids, or the word for no filter. */
  const namesOr = (ids: string[], all: string, name: (id: string) => string) =>
    ids.length === 0 ? all : ids.map(name).join(', ');
  return (
    <DataList
      items={[
        { key: m.url, value: <span className="sbt-value">{webhook.url}</span> },
        { key: m.description, value: webhook.description.trim() || m.noValue },
        {
          key: m.eventTypesColumn,
          value: webhook.eventTypes.map((type) => eventTypeWord(t, type)).join(', '),
        },
        {
          key: m.tracks,
          value: namesOr(webhook.trackIds, m.allTracks, (id) => names.track(id) ?? m.unknownTrack),
        },
        {
          key: m.organisations,
          value: namesOr(
            webhook.organisationIds,
            m.allOrganisations,
            (id) => names.organisation(id) ?? m.unknownOrganisation,
          ),
        },
        {
          key: m.status,
          value: (
            <>
              {onOff.words}
              {onOff.systemSaid && (
                <>
                  <br />
                  <small>
                    {m.systemSaid}{' '}
                    <span lang="en" className="sbt-value">
                      {onOff.systemSaid}
                    </span>
                  </small>
                </>
              )}
            </>
          ),
        },
        {
          key: m.madeBy,
          value: webhook.madeWithApiToken
            ? m.madeWithToken(owner, created)
            : m.madeByPerson(owner, created),
        },
        { key: m.lastDelivery, value: when(webhook.lastDeliveryAt, m.notYet, t) },
        { key: m.lastSuccess, value: when(webhook.lastSuccessAt, m.notYet, t) },
        { key: m.pending, value: webhook.pendingDeliveries },
        ...(webhook.previousSecretExpiresAt
          ? [
              {
                key: m.previousSecret,
                value: m.previousSecretValid(t.format.dateTime(webhook.previousSecretExpiresAt)),
              },
            ]
          : []),
      ]}
    />
  );
}
