import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, type Problem } from '../../api/client';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Button, Heading, TextField } from '../../components/nlds';
import { type Messages, useLanguage, useT } from '../../i18n';

const FIELD_ID = 'import-bestand';
/**
 * The API's default IMPORT_MAX_BYTES. It does not publish its limit, so the page checks this
 * one to spare a long upload, and still says the API's 413 in the same words.
 */
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['.xlsx', '.csv'];

/** What is wrong with the chosen file before it is sent (GOV.UK file upload errors). */
function checkFile(i: Messages['imports'], file: File | null): string | null {
  if (!file) return i.fileMissing;
  if (!TYPES.some((type) => file.name.toLowerCase().endsWith(type))) return i.fileWrongType;
  if (file.size === 0) return i.fileEmpty;
  if (file.size > MAX_BYTES) return i.fileTooLarge;
  return null;
}

function uploadProblem(t: Messages, status: number | undefined, problem?: Problem): string {
  const i = t.imports;
  if (status === undefined) return t.errors.network;
  if (status === 413) return i.fileTooLarge;
  if (problem?.code === 'IMPORT_FILE_EMPTY') return i.fileEmpty;
  if (problem?.code === 'IMPORT_FILE_MISSING') return i.fileMissing;
  if (status === 403) return t.errors.forbidden;
  if (status === 429) return t.errors.tooManyRequests;
  return i.uploadFailed;
}

/** Choose a spreadsheet and send it; the import's page follows its dry run. */
export function UploadForm({ programmeId }: { programmeId: string }) {
  const t = useT();
  const i = t.imports;
  const language = useLanguage();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const wrong = checkFile(i, file);
    if (wrong || !file) {
      setErrors([{ fieldId: FIELD_ID, message: wrong ?? i.fileMissing }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    const form = new FormData();
    form.append('lang', language);
    form.append('file', file);
    const { data, error, response } = await api
      .POST('/programmes/{id}/imports', {
        params: { path: { id: programmeId } },
        // The generated type calls the file part a string (OpenAPI's binary); the client sends
        // a FormData as it is, and the browser writes the multipart boundary.
        body: form as unknown as { file: string },
      })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (data) {
      void navigate(`/beheer/import/${data.id}`, { state: { uploaded: true } });
      return;
    }
    setErrors([{ fieldId: FIELD_ID, message: uploadProblem(t, response?.status, error) }]);
  }

  return (
    <section aria-labelledby="import-uploaden">
      <Heading level={2} id="import-uploaden">
        {i.uploadTitle}
      </Heading>
      <ErrorSummary errors={errors} />
      <form noValidate onSubmit={(event) => void upload(event)} className="sbt-form">
        <div className="sbt-import-file">
          <TextField
            id={FIELD_ID}
            name="file"
            type="file"
            accept={TYPES.join(',')}
            label={i.fileLabel}
            description={i.fileHint}
            errorMessage={errors[0]?.message}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {busy ? i.uploadBusy : i.upload}
          </Button>
        </div>
      </form>
    </section>
  );
}
