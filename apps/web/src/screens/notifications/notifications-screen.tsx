import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, CheckboxField, Heading, Link, Paragraph } from '../../components/nlds';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { usePageTitle } from '../../components/page-title';
import { useLanguage, useT } from '../../i18n';
import { type Notification, useNotifications } from './use-notifications';
import { NOTIFICATIONS_CHANGED } from './use-unread-count';

/** Kinds that ask for a progress update: like their e-mails, they also link to the form. */
const ASKS_FOR_PROGRESS: ReadonlySet<Notification['kind']> = new Set([
  'stale',
  'update_request',
  'update_reminder',
]);

const articleId = (notification: Notification) => `melding-${notification.id}`;

/**
 * Meldingen: the person's notifications, newest first, each linking to its action; mark one or
 * all read. "Alleen ongelezen" lives in the address (`?ongelezen=ja`), so the back button and
 * a bookmark keep it. After a change the header's count reads again (NOTIFICATIONS_CHANGED).
 */
export default function NotificationsScreen() {
  const t = useT();
  usePageTitle(t.notifications.title);
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  // The box follows a click at once; the address follows it (and the back button leads it).
  const inAddress = params.get('ongelezen') === 'ja';
  const [unreadOnly, setUnreadOnly] = useState(inAddress);
  const [seenInAddress, setSeenInAddress] = useState(inAddress);
  if (seenInAddress !== inAddress) {
    setSeenInAddress(inAddress);
    setUnreadOnly(inAddress);
  }
  // A page's cursor belongs to its filter: another filter (also by the back button) starts anew.
  const [page, setPage] = useState<{ unreadOnly: boolean; cursor?: string }>({ unreadOnly });
  const cursor = page.unreadOnly === unreadOnly ? page.cursor : undefined;
  const { state, reload, update } = useNotifications(unreadOnly, cursor);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const countRef = useRef<HTMLParagraphElement>(null);
  // After "next" or "previous" the new page's first line (the count) takes the focus: the
  // list, and with it the button pressed, is replaced (WCAG 2.4.3).
  const focusWhenLoaded = useRef(false);
  useEffect(() => {
    if (!focusWhenLoaded.current || state.status === 'loading') return;
    focusWhenLoaded.current = false;
    countRef.current?.focus();
  }, [state]);
  const setCursor = (next: string | undefined) => {
    focusWhenLoaded.current = true;
    setPage({ unreadOnly, cursor: next });
  };

  async function markRead(notification: Notification) {
    const result = await api
      .POST('/me/notifications/{id}/read', { params: { path: { id: notification.id } } })
      .catch(() => null);
    if (!result?.data) {
      setErrors([{ message: result === null ? t.errors.network : t.notifications.markFailed }]);
      return;
    }
    setErrors([]);
    update(result.data);
    announce(t.notifications.markedRead);
    window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
    // Its button is gone: focus stays on the notification, not lost to the page.
    document.getElementById(articleId(notification))?.focus();
  }

  async function markAllRead() {
    if (busy) return;
    setBusy(true);
    const result = await api.POST('/me/notifications/read-all').catch(() => null);
    setBusy(false);
    if (!result?.data) {
      setErrors([{ message: result === null ? t.errors.network : t.notifications.markFailed }]);
      return;
    }
    setErrors([]);
    announce(t.notifications.markedAllRead(result.data.marked));
    window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
    await reload();
    countRef.current?.focus();
  }

  return (
    <>
      <Heading level={1}>{t.notifications.title}</Heading>
      <Paragraph>{t.notifications.intro}</Paragraph>
      <Paragraph>
        <Link href="/meldingen/voorkeuren">{t.notifications.preferencesLink}</Link>
      </Paragraph>
      <ErrorSummary errors={errors} />
      <CheckboxField
        id="alleen-ongelezen"
        name="ongelezen"
        label={t.notifications.onlyUnread}
        checked={unreadOnly}
        onChange={(checked) => {
          setUnreadOnly(checked);
          const next = new URLSearchParams(params);
          if (checked) next.set('ongelezen', 'ja');
          else next.delete('ongelezen');
          setParams(next);
        }}
      />
      {state.status === 'loading' ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : state.status === 'failed' ? (
        <Paragraph>{t.notifications.loadFailed}</Paragraph>
      ) : (
        <>
          <div className="sbt-row">
            <Paragraph ref={countRef} tabIndex={-1}>
              {t.notifications.unreadCount(state.unreadCount)}
            </Paragraph>
            {state.unreadCount > 0 && (
              <Button
                appearance="secondary-action-button"
                busy={busy}
                aria-disabled={busy}
                onClick={() => void markAllRead()}
              >
                {t.notifications.markAllRead}
              </Button>
            )}
          </div>
          {state.notifications.length === 0 ? (
            // With the filter on, the count above already says there are none.
            !unreadOnly && <Paragraph>{t.notifications.none}</Paragraph>
          ) : (
            <ul className="sbt-notifications">
              {state.notifications.map((notification) => (
                <li key={notification.id}>
                  <NotificationItem
                    notification={notification}
                    onMarkRead={() => void markRead(notification)}
                  />
                </li>
              ))}
            </ul>
          )}
          {(state.prev || state.next) && (
            <nav aria-label={t.notifications.pages} className="sbt-row">
              {state.prev && (
                <Button appearance="secondary-action-button" onClick={() => setCursor(state.prev)}>
                  {t.notifications.previous}
                </Button>
              )}
              {state.next && (
                <Button appearance="secondary-action-button" onClick={() => setCursor(state.next)}>
                  {t.notifications.next}
                </Button>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}

/** One notification: read or unread in words (never colour alone), why it came, its action. */
function NotificationItem({
  notification,
  onMarkRead,
}: {
  notification: Notification;
  onMarkRead: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const id = articleId(notification);
  const unread = notification.readAt === null;
  // The texts come in the person's notification language, which is the app's as a rule.
  const lang = notification.language === language ? undefined : notification.language;
  return (
    <article
      id={id}
      tabIndex={-1}
      aria-labelledby={`${id}-titel`}
      className={unread ? 'sbt-notification sbt-notification--unread' : 'sbt-notification'}
    >
      <Heading level={2} appearance="level-4" id={`${id}-titel`} lang={lang}>
        {notification.title}
      </Heading>
      <Paragraph>
        {unread ? <strong>{t.notifications.unread}</strong> : <span>{t.notifications.read}</span>}
        {' · '}
        {t.notifications.received(t.format.dateTime(notification.createdAt))}
      </Paragraph>
      {notification.body
        .split('\n')
        .filter((line) => line.trim())
        .map((line, index) => (
          <Paragraph key={index} lang={lang}>
            {line}
          </Paragraph>
        ))}
      <Paragraph lang={lang}>
        <small>{notification.reasonText}</small>
      </Paragraph>
      <div className="sbt-row">
        {notification.actionId && (
          <Link href={`/acties/${notification.actionId}`}>{t.notifications.toAction}</Link>
        )}
        {notification.actionId && ASKS_FOR_PROGRESS.has(notification.kind) && (
          <Link href={`/acties/${notification.actionId}/voortgang`}>
            {t.notifications.reportProgress}
          </Link>
        )}
        {notification.kind === 'report_ready' && (
          <Link href="/rapportages">{t.reports.toReports}</Link>
        )}
        {notification.kind === 'webhook_disabled' && (
          <Link href="/beheer/webhooks">{t.webhooks.toWebhooks}</Link>
        )}
        {unread && (
          <Button appearance="secondary-action-button" onClick={onMarkRead}>
            {t.notifications.markRead}
          </Button>
        )}
      </div>
    </article>
  );
}
