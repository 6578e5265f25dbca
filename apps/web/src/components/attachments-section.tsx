import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useLanguage, useT } from '../i18n';
import { useAnnounce } from './announcer';
import { AttachmentUpload } from './attachment-upload';
import { attachmentProblem, kindInWords, sizeInWords } from './attachment-words';
import { ErrorSummary, type FieldError } from './error-summary';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  VisuallyHidden,
} from './nlds';
import { filenameOf, saveFile } from './save-file';
import type { Attachment, AttachmentList, AttachmentSubject } from './use-attachments';

const removeButtonId = (attachment: Attachment) => `bijlage-verwijderen-${attachment.id}`;

/**
 * Bijlagen: the evidence of an action or a commitment (README "Evidence attachments"). Every
 * member reads and downloads them; who may change the action or commitment (`mayChange`, a
 * mirror of the API's rule, which decides) adds and deletes them. `onChanged` after an
 * addition or deletion, for what else on the page shows them (the history).
 */
export function AttachmentsSection(props: {
  subject: AttachmentSubject;
  list: AttachmentList;
  mayChange: boolean;
  onChanged?: () => void;
}) {
  const { list } = props;
  const t = useT();
  const a = t.attachments;
  const announce = useAnnounce();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const changed = () => {
    list.reload();
    props.onChanged?.();
  };

  async function download(attachment: Attachment) {
    const answer = await api
      .GET('/attachments/{id}/content', {
        params: { path: { id: attachment.id } },
        parseAs: 'blob',
      })
      .catch(() => undefined);
    if (answer?.data) {
      const filename =
        filenameOf(answer.response.headers.get('Content-Disposition')) ?? attachment.filename;
      saveFile(answer.data, filename);
      setErrors([]);
      announce(a.downloaded(filename));
      return;
    }
    const status = answer?.response.status;
    if (status === 404) list.reload();
    setErrors([
      {
        message:
          status === undefined
            ? t.errors.network
            : status === 404
              ? a.deletedMeanwhile(attachment.filename)
              : status === 429
                ? t.errors.tooManyRequests
                : a.downloadFailed(attachment.filename),
      },
    ]);
  }

  return (
    <section aria-labelledby="bijlagen" className="sbt-stack">
      <Heading level={2} id="bijlagen" ref={heading} tabIndex={-1}>
        {a.title}
      </Heading>
      <Paragraph>{a.intro[props.subject.kind]}</Paragraph>
      <ErrorSummary errors={errors} />
      {list.status === 'failed' ? (
        <Paragraph>{a.failed}</Paragraph>
      ) : list.status === 'loading' && list.items.length === 0 ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : list.items.length === 0 ? (
        <Paragraph>{a.none}</Paragraph>
      ) : (
        <AttachmentTable
          items={list.items}
          mayChange={props.mayChange}
          onDownload={download}
          onRemove={(attachment) => {
            setErrors([]);
            setRemoving(attachment);
          }}
        />
      )}
      {removing && (
        <ConfirmRemove
          attachment={removing}
          onCancel={() => {
            setRemoving(null);
            document.getElementById(removeButtonId(removing))?.focus();
          }}
          onDone={(problem) => {
            setRemoving(null);
            setErrors(problem ? [problem] : []);
            // Its row (and button) went: the section's heading takes the focus.
            if (!problem) heading.current?.focus();
            changed();
          }}
          onErrors={setErrors}
        />
      )}
      {props.mayChange && (
        <AttachmentUpload
          subject={props.subject}
          errors={errors}
          onErrors={setErrors}
          onAdded={changed}
        />
      )}
    </section>
  );
}

function AttachmentTable(props: {
  items: Attachment[];
  mayChange: boolean;
  onDownload: (attachment: Attachment) => Promise<void>;
  onRemove: (attachment: Attachment) => void;
}) {
  const t = useT();
  const a = t.attachments;
  const language = useLanguage();
  const [downloading, setDownloading] = useState<string | null>(null);
  return (
    <div className="sbt-table-scroll">
      <Table>
        <TableCaption className="sbt-visually-hidden">{a.title}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{a.columns.name}</TableHeaderCell>
            <TableHeaderCell scope="col">{a.columns.kind}</TableHeaderCell>
            <TableHeaderCell scope="col">{a.columns.size}</TableHeaderCell>
            <TableHeaderCell scope="col">{a.columns.added}</TableHeaderCell>
            <TableHeaderCell scope="col">{a.columns.description}</TableHeaderCell>
            {props.mayChange && <TableHeaderCell scope="col">{a.columns.remove}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.items.map((attachment) => (
            <TableRow key={attachment.id}>
              <TableHeaderCell scope="row" className="sbt-file-cell">
                <Button
                  type="button"
                  appearance="subtle-button"
                  className="sbt-file-name"
                  busy={downloading === attachment.id}
                  aria-disabled={downloading === attachment.id}
                  onClick={() => {
                    if (downloading) return;
                    setDownloading(attachment.id);
                    void props.onDownload(attachment).finally(() => setDownloading(null));
                  }}
                >
                  <VisuallyHidden>{a.download}</VisuallyHidden> {attachment.filename}
                </Button>
              </TableHeaderCell>
              <TableCell>{kindInWords(t, attachment.contentType)}</TableCell>
              <TableCell>{sizeInWords(attachment.sizeBytes, language)}</TableCell>
              <TableCell>
                <time dateTime={attachment.createdAt}>
                  {t.format.dateTime(attachment.createdAt)}
                </time>
              </TableCell>
              <TableCell className="sbt-text">
                {attachment.description || <VisuallyHidden>{a.noDescription}</VisuallyHidden>}
              </TableCell>
              {props.mayChange && (
                <TableCell>
                  <Button
                    type="button"
                    id={removeButtonId(attachment)}
                    appearance="secondary-action-button"
                    onClick={() => props.onRemove(attachment)}
                  >
                    {a.remove}
                    <VisuallyHidden> {attachment.filename}</VisuallyHidden>
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * Deleting, confirmed in a step of its own whose heading takes the focus (back to the row's
 * button on "no"). A soft delete: the history keeps the record and the file's hash.
 */
function ConfirmRemove(props: {
  attachment: Attachment;
  onCancel: () => void;
  /** Deleted (no problem), or gone meanwhile (a problem saying so). */
  onDone: (problem?: FieldError) => void;
  onErrors: (errors: FieldError[]) => void;
}) {
  const { attachment } = props;
  const t = useT();
  const a = t.attachments;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const question = useRef<HTMLHeadingElement>(null);
  useEffect(() => question.current?.focus(), [attachment.id]);

  async function remove() {
    if (busy) return;
    setBusy(true);
    const result = await api
      .DELETE('/attachments/{id}', { params: { path: { id: attachment.id } } })
      .catch(() => null);
    setBusy(false);
    const status = result?.response.status;
    if (status === 204) {
      announce(a.removed(attachment.filename));
      props.onDone();
    } else if (status === 404) {
      props.onDone({ message: a.deletedMeanwhile(attachment.filename) });
    } else {
      props.onErrors([attachmentProblem(t, 'remove', status, result?.error)]);
    }
  }

  return (
    <Alert type="warning">
      <Heading level={3} id="bijlage-verwijderen-vraag" ref={question} tabIndex={-1}>
        {a.removeTitle(attachment.filename)}
      </Heading>
      <Paragraph>{a.removeWarning}</Paragraph>
      <div className="sbt-row">
        <Button
          type="button"
          appearance="primary-action-button"
          busy={busy}
          aria-disabled={busy}
          onClick={() => void remove()}
        >
          {busy ? a.removeBusy : a.removeConfirm}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={props.onCancel}>
          {a.removeCancel}
        </Button>
      </div>
    </Alert>
  );
}
