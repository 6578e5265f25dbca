import { useParams } from 'react-router';
import { DataList, Heading, Link, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { NotFoundScreen } from '../not-found/not-found-screen';
import { useAction } from './use-action';

/** Actie: everything about one action (the page every e-mail and calendar event links to). */
export default function ActionScreen() {
  const t = useT();
  const { id = '' } = useParams();
  const { state } = useAction(id);
  usePageTitle(state.status === 'loaded' ? state.action.title : t.action.title);

  if (state.status === 'notFound') return <NotFoundScreen />;
  if (state.status !== 'loaded') {
    return (
      <>
        <Heading level={1}>{t.action.title}</Heading>
        <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>
      </>
    );
  }
  const { action } = state;
  return (
    <>
      <Heading level={1}>{action.title}</Heading>
      <Paragraph>{action.description}</Paragraph>
      <Paragraph>
        <Link href={`/acties/${action.id}/voortgang`}>{t.action.reportProgress}</Link>
      </Paragraph>
      <section aria-labelledby="samenvatting">
        <Heading level={2} id="samenvatting">
          {t.action.summary}
        </Heading>
        <DataList
          items={[
            { key: t.action.status, value: t.status[action.status] },
            { key: t.action.health, value: t.health[action.health] },
            { key: t.action.percent, value: t.format.percent(action.percentComplete) },
            {
              key: t.action.deadline,
              value: `${t.format.date(action.deadline)}${action.overdue ? ` (${t.actionTable.overdue})` : ''}`,
            },
            { key: t.action.owner, value: action.ownerOrganisation.name },
            { key: t.action.verification, value: t.verification[action.verification] },
          ]}
        />
      </section>
      {action.latestNarrative && (
        <section aria-labelledby="toelichting">
          <Heading level={2} id="toelichting">
            {t.action.narrative}
          </Heading>
          <Paragraph>{action.latestNarrative}</Paragraph>
        </section>
      )}
    </>
  );
}
