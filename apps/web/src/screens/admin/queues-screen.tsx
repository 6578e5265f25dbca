import { useState } from 'react';
import { api } from '../../api/client';
import { Alert, Button, Heading, Link, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { NoPermission } from './admin-parts';

/** Where the API serves the queue dashboard (README "Queue dashboard"). */
const BOARD_URL = '/v1/admin/queues/';

/**
 * Wachtrijen (platform administrators): opens the queue dashboard, a page of its own. The page
 * cannot send the access token this app keeps in memory, so the app first asks the API for a
 * short-lived ticket, which it puts in a cookie that only the dashboard's path receives.
 */
export default function QueuesScreen() {
  const t = useT();
  const { isPlatformAdmin } = useProgrammeRole();
  if (!isPlatformAdmin)
    return <NoPermission title={t.queueDashboard.title} message={t.queueDashboard.noPermission} />;
  return <Queues />;
}

function Queues() {
  const t = useT();
  usePageTitle(t.queueDashboard.title);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const open = async () => {
    setBusy(true);
    setFailed(false);
    const { response } = await api.POST('/admin/queue-dashboard/sessions').catch(() => ({
      response: undefined,
    }));
    if (response?.ok) {
      window.location.assign(BOARD_URL);
      return;
    }
    setBusy(false);
    setFailed(true);
  };
  return (
    <>
      <Heading level={1}>{t.queueDashboard.title}</Heading>
      <Paragraph>{t.queueDashboard.intro}</Paragraph>
      <Paragraph>{t.queueDashboard.readOnly}</Paragraph>
      {failed && (
        <Alert type="error" role="alert">
          <Paragraph>{t.queueDashboard.failed}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        <Button
          appearance="primary-action-button"
          busy={busy}
          aria-disabled={busy}
          onClick={() => void open()}
        >
          {t.queueDashboard.open}
        </Button>
      </Paragraph>
      <Paragraph>
        <Link href="/beheer">{t.admin.toAdmin}</Link>
      </Paragraph>
    </>
  );
}
