import type { Schemas } from '../../api/client';
import { kindInWords, sizeInWords } from '../../components/attachment-words';
import { Paragraph, UnorderedList, UnorderedListItem } from '../../components/nlds';
import { type Messages, useLanguage, useT } from '../../i18n';

type HistoryEntry = Schemas['HistoryEntryResponse'];

/** A file as the audit log keeps it (details.attachment of attachment_added/_removed). */
interface FileOnRecord {
  filename: string;
  contentType?: string;
  sizeBytes?: number;
  sha256: string;
}

const isFile = (value: unknown): value is FileOnRecord =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FileOnRecord).filename === 'string' &&
  typeof (value as FileOnRecord).sha256 === 'string';

/** The file an entry added or removed, if it is such an entry. */
export function fileOf(entry: HistoryEntry): FileOnRecord | null {
  if (entry.kind !== 'attachment_added' && entry.kind !== 'attachment_removed') return null;
  const file = entry.details?.attachment;
  return isFile(file) ? file : null;
}

/** "Bijlage toegevoegd: besluit.pdf", or null for an entry that is not about a file. */
export function fileEntryTitle(t: Messages, entry: HistoryEntry): string | null {
  const file = fileOf(entry);
  if (!file) return null;
  return entry.kind === 'attachment_added'
    ? t.attachments.history.added(file.filename)
    : t.attachments.history.removed(file.filename);
}

/** The SHA-256 the audit chain vouches for, folded away: who checks a file opens it. */
function Fingerprint({ sha256 }: { sha256: string }) {
  const t = useT();
  return (
    <details>
      <summary>{t.attachments.history.fingerprint}</summary>
      <code className="sbt-hash">{sha256}</code>
    </details>
  );
}

/** What an entry on a file says besides its title: its kind and size, and its fingerprint. */
export function FileFacts({ entry }: { entry: HistoryEntry }) {
  const t = useT();
  const language = useLanguage();
  const file = fileOf(entry);
  if (!file) return null;
  return (
    <>
      {file.contentType && typeof file.sizeBytes === 'number' && (
        <Paragraph>
          {t.attachments.history.facts(
            kindInWords(t, file.contentType),
            sizeInWords(file.sizeBytes, language),
          )}
        </Paragraph>
      )}
      <Fingerprint sha256={file.sha256} />
    </>
  );
}

/** The attachments a verification cites (details.evidence), each with its fingerprint. */
export function CitedEvidence({ entry }: { entry: HistoryEntry }) {
  const t = useT();
  const evidence = entry.details?.evidence;
  const files = Array.isArray(evidence) ? evidence.filter(isFile) : [];
  if (files.length === 0) return null;
  return (
    <>
      <Paragraph>{t.attachments.history.evidence}</Paragraph>
      <UnorderedList>
        {files.map((file) => (
          <UnorderedListItem key={file.sha256 + file.filename}>
            {file.filename}
            <Fingerprint sha256={file.sha256} />
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}
