import { type DragEvent, type FormEvent, useRef, useState } from 'react';
import { useLanguage, useT } from '../i18n';
import { useIdempotencyKey } from '../screens/action/use-idempotency-key';
import { useAnnounce } from './announcer';
import {
  ACCEPT,
  attachmentProblem,
  DESCRIPTION_FIELD,
  FILE_FIELD,
  fileProblem,
  MAX_DESCRIPTION,
  sizeInWords,
} from './attachment-words';
import type { FieldError } from './error-summary';
import { Button, Heading, Paragraph, TextareaField, TextField } from './nlds';
import { type Attachment, type AttachmentSubject, uploadAttachment } from './use-attachments';

/** Whether a drag carries files (not a dragged link or text). */
const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * Adding one file: the native file input with its label (the keyboard's and the screen
 * reader's way: Enter or Space opens the chooser), inside a marked box that also takes a file
 * dropped on it. The page checks what it can (a file, its size, the description's length);
 * the API decides, and each refusal is said at the field, in the section's error summary.
 */
export function AttachmentUpload(props: {
  subject: AttachmentSubject;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onAdded: (attachment: Attachment) => void;
}) {
  const t = useT();
  const a = t.attachments;
  const language = useLanguage();
  const announce = useAnnounce();
  const { keyFor, done } = useIdempotencyKey();
  const zone = useRef<HTMLDivElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const errorAt = (fieldId: string) =>
    props.errors.find((error) => error.fieldId === fieldId)?.message;
  const input = () => zone.current?.querySelector<HTMLInputElement>('input[type="file"]');

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const files = event.dataTransfer.files;
    if (files.length !== 1) {
      props.onErrors([{ fieldId: FILE_FIELD, message: a.refusals.oneFile }]);
      return;
    }
    // The native control shows the dropped file as its choice, as if chosen with it.
    const control = input();
    if (control) control.files = files;
    setFile(files[0]);
    props.onErrors([]);
  }

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems: FieldError[] = [];
    const wrongFile = fileProblem(t, file);
    if (wrongFile) problems.push({ fieldId: FILE_FIELD, message: wrongFile });
    if (description.length > MAX_DESCRIPTION)
      problems.push({ fieldId: DESCRIPTION_FIELD, message: a.refusals.descriptionTooLong });
    if (problems.length > 0 || !file) {
      props.onErrors(problems);
      return;
    }
    props.onErrors([]);
    setBusy(true);
    const form = new FormData();
    form.append('file', file);
    if (description.trim()) form.append('description', description.trim());
    const key = keyFor({
      subject: props.subject,
      name: file.name,
      size: file.size,
      lastModified: file.lastModified,
      description,
    });
    const result = await uploadAttachment(props.subject, form, key).catch(() => null);
    setBusy(false);
    if (result?.data) {
      done();
      setFile(null);
      setDescription('');
      const control = input();
      if (control) control.value = '';
      announce(a.upload.added(result.data.filename));
      props.onAdded(result.data);
      return;
    }
    props.onErrors([attachmentProblem(t, 'upload', result?.response.status, result?.error)]);
  }

  return (
    <form noValidate onSubmit={(event) => void upload(event)} className="sbt-form">
      <Heading level={3}>{a.upload.title}</Heading>
      <div
        ref={zone}
        role="group"
        aria-labelledby="bijlage-sleepvak"
        className={dragging ? 'sbt-drop-zone sbt-drop-zone--active' : 'sbt-drop-zone'}
        onDragEnter={(event) => {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(event) => {
          if (!zone.current?.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={drop}
      >
        <Paragraph id="bijlage-sleepvak">{a.upload.dropZone}</Paragraph>
        {/* Said in words too, not by the box's colour alone (WCAG 1.4.1). */}
        {dragging && (
          <Paragraph>
            <strong>{a.upload.dropZoneActive}</strong>
          </Paragraph>
        )}
        <TextField
          id={FILE_FIELD}
          name="file"
          type="file"
          accept={ACCEPT}
          label={a.upload.fileLabel}
          description={a.upload.fileHint}
          errorMessage={errorAt(FILE_FIELD)}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        {file && (
          <Paragraph>{a.upload.chosen(file.name, sizeInWords(file.size, language))}</Paragraph>
        )}
      </div>
      <TextareaField
        id={DESCRIPTION_FIELD}
        name="description"
        rows={2}
        label={a.upload.descriptionLabel}
        description={a.upload.descriptionHint}
        errorMessage={errorAt(DESCRIPTION_FIELD)}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <div className="sbt-row">
        <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
          {busy ? a.upload.busy : a.upload.submit}
        </Button>
        {busy && file && (
          <span className="sbt-row">
            <label htmlFor="bijlage-voortgang">{a.upload.progress(file.name)}</label>
            {/* Without a value: the browser tells how far a fetch got only for downloads. */}
            <progress id="bijlage-voortgang" />
          </span>
        )}
      </div>
    </form>
  );
}
