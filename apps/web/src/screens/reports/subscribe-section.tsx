import { useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { CopyField } from '../../components/copy-field';
import {
  Alert,
  Button,
  Heading,
  Link,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '../../components/nlds';
import { useLanguage, useT } from '../../i18n';
import { filenameOf, saveFile } from '../../components/save-file';
import { OpenDataSection } from './open-data-section';

/**
 * The deadlines calendar to subscribe to, and the programme's open data. A calendar app cannot
 * send the bearer token; it sends a read API token as the password of HTTP Basic (README
 * "Deadlines calendar"), never in the address. Google Calendar cannot send one at all: it
 * imports the file, which the page downloads with the person's own session.
 */
export function SubscribeSection({ programmeId }: { programmeId: string }) {
  const t = useT();
  const r = t.reports;
  const announce = useAnnounce();
  const language = useLanguage();
  const [failure, setFailure] = useState<string | null>(null);
  const calendarPath = `/v1/programmes/${programmeId}/deadlines.ics${language === 'en' ? '?lang=en' : ''}`;
  const calendarAddress = `${window.location.origin}${calendarPath}`;

  async function download() {
    setFailure(null);
    const answer = await api
      .GET('/programmes/{id}/deadlines.ics', {
        params: { path: { id: programmeId }, query: language === 'en' ? { lang: 'en' } : {} },
        parseAs: 'blob',
      })
      .catch(() => undefined);
    if (!answer?.data) {
      setFailure(r.calendarDownloadFailed);
      return;
    }
    saveFile(
      answer.data,
      filenameOf(answer.response.headers.get('Content-Disposition')) ?? 'deadlines.ics',
    );
    announce(r.calendarDownloaded);
  }

  return (
    <>
      <section aria-labelledby="rapport-agenda-kop">
        <Heading level={2} id="rapport-agenda-kop">
          {r.calendarTitle}
        </Heading>
        <Paragraph>{r.calendarIntro}</Paragraph>
        <CopyField
          id="rapport-agenda-adres"
          label={r.calendarAddress}
          value={calendarAddress}
          copyLabel={r.copy}
          copied={r.copied}
          copyFailed={r.copyFailed}
          onCopy={() => setFailure(null)}
          className="sbt-report-copy"
        />
        <Heading level={3}>{r.calendarSteps}</Heading>
        <OrderedList>
          <OrderedListItem>
            {r.calendarStepToken} <Link href="/beheer/api-tokens">{r.calendarStepTokenLink}</Link>
          </OrderedListItem>
          <OrderedListItem>{r.calendarStepOutlook}</OrderedListItem>
          <OrderedListItem>{r.calendarStepCredentials}</OrderedListItem>
        </OrderedList>
        <Paragraph>
          {r.calendarStepGoogle} <Link href="/account">{r.calendarStepGoogleLink}</Link>
        </Paragraph>
        {failure && (
          <div role="alert">
            <Alert type="error">{failure}</Alert>
          </div>
        )}
        <Button type="button" appearance="secondary-action-button" onClick={() => void download()}>
          {r.calendarDownload}
        </Button>
      </section>
      <OpenDataSection programmeId={programmeId} />
    </>
  );
}
