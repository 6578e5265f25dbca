import { useEffect, useRef } from 'react';
import { Alert, Button, Heading, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import { DOWNLOAD_FORMATS, type ReportFormat } from './report-query';

export type Busy = ReportFormat | 'preview' | 'export' | null;

export function ReportDownloadSection({
  failure,
  busy,
  onDownload,
}: {
  failure: string | null;
  busy: Busy;
  onDownload: (format: ReportFormat) => void;
}) {
  const t = useT();
  const r = t.reports;
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  return (
    <section aria-labelledby="rapport-download-kop">
      <Heading level={2} id="rapport-download-kop">
        {r.downloadTitle}
      </Heading>
      <Paragraph>{r.downloadIntro}</Paragraph>
      {failure && (
        <div ref={failureRef} tabIndex={-1} role="alert">
          <Alert type="error">{failure}</Alert>
        </div>
      )}
      <div className="sbt-row">
        {DOWNLOAD_FORMATS.map((format) => (
          <Button
            key={format}
            type="button"
            appearance="secondary-action-button"
            busy={busy === format}
            aria-disabled={busy !== null}
            onClick={() => onDownload(format)}
          >
            {busy === format
              ? r.downloadBusy(r.formatLabel[format])
              : r.download(r.formatLabel[format])}
          </Button>
        ))}
      </div>
    </section>
  );
}
