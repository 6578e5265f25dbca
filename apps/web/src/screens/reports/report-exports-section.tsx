import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  SelectField,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { useT } from '../../i18n';
import { DOWNLOAD_FORMATS, type ReportFormat } from './report-query';
import { saveFile } from '../../components/save-file';
import type { ReportExport } from './use-report-exports';

/**
 * Reports made by the worker (POST /report-exports): ask for one, follow it with a progress
 * bar, download it when done. A 413 of a direct download lands here too.
 */
export function ReportExportsSection(props: {
  items: ReportExport[];
  format: ReportFormat;
  onFormat: (format: ReportFormat) => void;
  busy: boolean;
  onStart: () => void;
  onForget: (id: string) => void;
}) {
  const t = useT();
  const r = t.reports;
  // The button pressed goes with its export: the focus moves to the section's heading.
  const heading = useRef<HTMLHeadingElement>(null);
  const forget = (id: string) => {
    props.onForget(id);
    heading.current?.focus();
  };
  return (
    <section aria-labelledby="rapport-exports-kop">
      <Heading level={2} id="rapport-exports-kop" ref={heading} tabIndex={-1}>
        {r.exportsTitle}
      </Heading>
      <Paragraph>{r.exportsIntro}</Paragraph>
      <div className="sbt-row sbt-report-export-start">
        <SelectField
          id="rapport-export-formaat"
          label={r.exportFormat}
          value={props.format}
          onChange={(event) => props.onFormat(event.target.value as ReportFormat)}
        >
          {DOWNLOAD_FORMATS.map((format) => (
            <option key={format} value={format}>
              {r.formatLabel[format]}
            </option>
          ))}
        </SelectField>
        <Button
          type="button"
          appearance="secondary-action-button"
          busy={props.busy}
          aria-disabled={props.busy}
          onClick={props.onStart}
        >
          {props.busy ? r.exportBusy : r.exportStart}
        </Button>
      </div>
      {props.items.length === 0 ? (
        <Paragraph>{r.exportsNone}</Paragraph>
      ) : (
        <UnorderedList className="sbt-report-exports">
          {props.items.map((item) => (
            <ExportItem key={item.id} item={item} onForget={() => forget(item.id)} />
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function ExportItem({ item, onForget }: { item: ReportExport; onForget: () => void }) {
  const t = useT();
  const r = t.reports;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const label = r.formatLabel[item.format];
  const titleId = `export-${item.id}`;
  const progressId = `export-${item.id}-voortgang`;
  const percent = item.status === 'done' ? 100 : item.progress;

  async function download() {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    const answer = await api
      .GET('/report-exports/{id}/file', { params: { path: { id: item.id } }, parseAs: 'blob' })
      .catch(() => undefined);
    setBusy(false);
    if (!answer?.data) {
      setFailed(true);
      return;
    }
    const filename = item.filename ?? `voortgangsrapportage.${item.format}`;
    saveFile(answer.data, filename);
    announce(r.downloaded(filename));
  }

  return (
    <UnorderedListItem>
      <Heading level={3} id={titleId}>
        {r.exportCaption(label, t.format.dateTime(item.createdAt))}
      </Heading>
      <Paragraph>
        {r.exportStatus[item.status]}
        {item.status === 'done' && <> · {r.exportExpires(t.format.dateTime(item.expiresAt))}</>}
      </Paragraph>
      {item.status !== 'failed' && (
        <div className="sbt-report-progress">
          <label htmlFor={progressId}>{r.exportProgress}</label>{' '}
          <progress
            id={progressId}
            max={100}
            value={percent}
            aria-valuetext={r.exportPercent(percent)}
          />{' '}
          <span>{r.exportPercent(percent)}</span>
        </div>
      )}
      {item.status === 'failed' && <Alert type="error">{r.exportFailed(label)}</Alert>}
      {failed && (
        <div role="alert">
          <Alert type="error">{r.downloadFailed(label)}</Alert>
        </div>
      )}
      <div className="sbt-row">
        {item.status === 'done' && item.filename && (
          <Button
            type="button"
            appearance="primary-action-button"
            busy={busy}
            aria-disabled={busy}
            onClick={() => void download()}
          >
            {r.exportDownload(item.filename)}
          </Button>
        )}
        {(item.status === 'done' || item.status === 'failed') && (
          <Button type="button" appearance="subtle-button" onClick={onForget}>
            {r.exportForget}
          </Button>
        )}
      </div>
    </UnorderedListItem>
  );
}
