import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Problem, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Button, Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { type Messages, useLanguage, useT } from '../../i18n';
import { useMe, useSession } from '../../session/session';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import {
  checkDates,
  fileStem,
  optionsOf,
  paramsOf,
  type ReportFormat,
  type ReportOptions,
  type ReportValues,
  valuesOf,
} from './report-query';
import { type Busy, ReportDownloadSection } from './report-download-section';
import { ReportExportsSection } from './report-exports-section';
import { FIELD_IDS, ReportFilterFields } from './report-filter-fields';
import { ReportPreview, type PreviewState } from './report-preview';
import { filenameOf, saveFile } from '../../components/save-file';
import { SubscribeSection } from './subscribe-section';
import { useChoices } from './use-report-choices';
import { ExportRefused, type ReportExport, useReportExports } from './use-report-exports';

/** Above this many actions the preview shows the figures only (the rows would be a big read). */
const PREVIEW_MAX_ACTIONS = 1_000;
/** Rows shown in the preview; the downloads hold them all. */
const PREVIEW_ROWS = 50;

/** The API's 400 in words, each problem at its field where the form has it. */
function problemsOf(t: Messages, status: number | undefined, problem: unknown): FieldError[] {
  if (status === undefined) return [{ message: t.errors.network }];
  if (status === 429) return [{ message: t.errors.tooManyRequests }];
  const invalid = (problem as Problem | undefined)?.invalidParams ?? [];
  if (status === 400 && invalid.length > 0)
    return invalid.map((item) => ({
      fieldId: FIELD_IDS[item.name],
      message: `${t.reports.invalidOption(item.name)} ${item.reason}`,
    }));
  return [{ message: t.errors.generic }];
}

/**
 * Rapportages: the progress report of the programme for managers (every member may read
 * reports). The choices live in the address, in the API's own query names, so a report can be
 * bookmarked; a preview on screen, the four downloads, large reports through the export queue,
 * the deadlines calendar and the open data.
 */
export default function ReportsScreen() {
  const t = useT();
  usePageTitle(t.reports.title);
  const { programmeId } = useSession();
  if (!programmeId) {
    return (
      <>
        <Heading level={1}>{t.reports.title}</Heading>
        <Paragraph>{t.reports.noProgramme}</Paragraph>
      </>
    );
  }
  return <Reports programmeId={programmeId} />;
}

function Reports({ programmeId }: { programmeId: string }) {
  const t = useT();
  const r = t.reports;
  const language = useLanguage();
  const announce = useAnnounce();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const { tracks, organisations } = useChoices(programmeId);
  const [values, setValues] = useState<ReportValues>(() => valuesOf(params));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [preview, setPreview] = useState<PreviewState>({ kind: 'none' });
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [exportFormat, setExportFormat] = useState<ReportFormat>('pdf');
  const exportKey = useIdempotencyKey();

  const exports = useReportExports(me.id, programmeId, (item: ReportExport) =>
    announce(
      item.status === 'done'
        ? r.exportReady(r.formatLabel[item.format])
        : r.exportFailed(r.formatLabel[item.format]),
    ),
  );

  // The fields follow the address (the back button, a bookmark).
  const address = params.toString();
  const [seen, setSeen] = useState(address);
  if (seen !== address) {
    setSeen(address);
    setValues(valuesOf(params));
  }

  const set = (field: keyof ReportValues) => (event: { target: EventTarget }) =>
    setValues((current) => ({ ...current, [field]: (event.target as HTMLInputElement).value }));
  const errorAt = (field: keyof ReportValues) =>
    errors.find((error) => error.fieldId === FIELD_IDS[field])?.message;

  /** Checks the choices, puts them in the address and gives the API's options; null: errors. */
  function confirmed(): ReportOptions | null {
    const problems: FieldError[] = checkDates(values).map((found) => ({
      fieldId: FIELD_IDS[found.field],
      message:
        found.problem === 'invalid'
          ? r.dateInvalid(found.field === 'asOf' ? r.asOf : r.since)
          : found.problem === 'future'
            ? r.dateFuture
            : r.sinceAfterAsOf,
    }));
    setErrors(problems);
    setFailure(null);
    if (problems.length > 0) return null;
    const next = paramsOf(values);
    if (next.toString() !== address) {
      setSeen(next.toString());
      setParams(next, { replace: true });
    }
    return optionsOf(values, language);
  }

  async function showPreview(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const options = confirmed();
    if (!options) return;
    setBusy('preview');
    const path = { id: programmeId };
    const summary = await api
      .GET('/programmes/{id}/reports/progress/summary', { params: { path, query: options } })
      .catch(() => undefined);
    if (!summary?.data) {
      setBusy(null);
      if (summary?.response.status === 413) setPreview({ kind: 'tooLarge' });
      else if (summary?.response.status === 400) {
        setPreview({ kind: 'none' });
        setErrors(problemsOf(t, 400, summary.error));
      } else setPreview({ kind: 'failed' });
      return;
    }
    let report: Schemas['ProgressReportDocument'] | undefined;
    if (summary.data.summary.total <= PREVIEW_MAX_ACTIONS) {
      const answer = await api
        .GET('/programmes/{id}/reports/progress', {
          params: { path, query: { ...options, format: 'json' } },
        })
        .catch(() => undefined);
      report = answer?.data as Schemas['ProgressReportDocument'] | undefined;
    }
    setBusy(null);
    setPreview({
      kind: 'shown',
      document: summary.data,
      actions: report?.actions.slice(0, PREVIEW_ROWS) ?? null,
    });
    announce(r.previewAbout(summary.data.programme.name, t.format.date(summary.data.reportDate)));
  }

  async function download(format: ReportFormat) {
    if (busy) return;
    const options = confirmed();
    if (!options) return;
    setBusy(format);
    const label = r.formatLabel[format];
    const answer = await api
      .GET('/programmes/{id}/reports/progress', {
        params: { path: { id: programmeId }, query: { ...options, format } },
        parseAs: 'blob',
      })
      .catch(() => undefined);
    setBusy(null);
    if (answer?.data) {
      const filename =
        filenameOf(answer.response.headers.get('Content-Disposition')) ??
        `${fileStem(format, language)}-${options.asOf ?? 'vandaag'}.${format}`;
      saveFile(answer.data, filename);
      announce(r.downloaded(filename));
      return;
    }
    if (answer?.response.status === 413) {
      // Too large to render while the person waits: the worker makes it (README "Exports").
      announce(r.tooLarge);
      await requestExport(format, options, r.tooLarge);
      return;
    }
    if (answer?.response.status === 400) {
      setErrors(problemsOf(t, 400, answer.error));
      return;
    }
    setFailure(
      answer?.response.status === 429 ? t.errors.tooManyRequests : r.downloadFailed(label),
    );
  }

  async function requestExport(format: ReportFormat, options: ReportOptions, said?: string) {
    setBusy('export');
    try {
      const request = { format, options };
      await exports.start(format, options, exportKey.keyFor(request));
      exportKey.done();
      if (!said) announce(r.exportStarted(r.formatLabel[format]));
    } catch (error) {
      const status = error instanceof ExportRefused ? error.status : undefined;
      if (status === 400 && error instanceof ExportRefused)
        setErrors(problemsOf(t, 400, error.problem));
      else setFailure(status === 429 ? t.errors.tooManyRequests : r.exportStartFailed);
    } finally {
      setBusy(null);
    }
  }

  function startExport() {
    if (busy) return;
    const options = confirmed();
    if (options) void requestExport(exportFormat, options);
  }

  return (
    <>
      <Heading level={1}>{r.title}</Heading>
      <Paragraph>{r.intro}</Paragraph>
      <ErrorSummary errors={errors} />
      <form
        aria-labelledby="rapport-form-kop"
        noValidate
        onSubmit={(event) => void showPreview(event)}
      >
        <Heading level={2} id="rapport-form-kop">
          {r.formTitle}
        </Heading>
        <ReportFilterFields
          values={values}
          set={set}
          errorAt={errorAt}
          tracks={tracks}
          organisations={organisations}
        />
        <div className="sbt-row">
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={busy === 'preview'}
            aria-disabled={busy !== null}
          >
            {busy === 'preview' ? r.previewBusy : r.preview}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              setErrors([]);
              setPreview({ kind: 'none' });
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {r.clear}
          </Button>
        </div>

        <ReportDownloadSection
          failure={failure}
          busy={busy}
          onDownload={(format) => void download(format)}
        />
      </form>

      <ReportPreview state={preview} />

      <ReportExportsSection
        items={exports.items}
        format={exportFormat}
        onFormat={setExportFormat}
        busy={busy === 'export'}
        onStart={startExport}
        onForget={(id) => exports.forget(id)}
      />

      <SubscribeSection programmeId={programmeId} />
    </>
  );
}
