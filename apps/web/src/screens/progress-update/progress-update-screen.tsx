import { useParams } from 'react-router';
import { Alert, Heading, Link, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { useMe } from '../../session/session';
import { mayPostProgress } from '../action/may-update';
import { useAction } from '../action/use-action';
import { NotFoundScreen } from '../not-found/not-found-screen';
import { ProgressForm } from './progress-form';

/** Voortgang melden: the owner's progress update (POST /actions/{id}/progress-updates). */
export default function ProgressUpdateScreen() {
  const t = useT();
  usePageTitle(t.progressUpdate.title);
  const me = useMe();
  const { id = '' } = useParams();
  const { state } = useAction(id);

  if (state.status === 'notFound') return <NotFoundScreen />;
  if (state.status !== 'loaded') {
    return (
      <>
        <Heading level={1}>{t.progressUpdate.title}</Heading>
        <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>
      </>
    );
  }
  const { action } = state;
  return (
    <>
      <Heading level={1}>{t.progressUpdate.title}</Heading>
      <Paragraph purpose="lead">
        <span className="sbt-visually-hidden">{t.progressUpdate.forAction}: </span>
        {action.title}
      </Paragraph>
      {mayPostProgress(me, action) ? (
        <ProgressForm key={action.id} action={action} etag={state.etag} />
      ) : (
        <>
          <Alert type="info">
            <Paragraph>{t.progressUpdate.notAllowed}</Paragraph>
          </Alert>
          <Paragraph>
            <Link href={`/acties/${action.id}`}>{t.progressUpdate.backToAction}</Link>
          </Paragraph>
        </>
      )}
    </>
  );
}
