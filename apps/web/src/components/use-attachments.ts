import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Schemas } from '../api/client';

export type Attachment = Schemas['AttachmentResponse'];

/** What the evidence belongs to: an action or a commitment (README "Evidence attachments"). */
export interface AttachmentSubject {
  kind: 'action' | 'commitment';
  id: string;
}

export interface AttachmentList {
  /** The attachments that are not deleted, oldest first (as the API lists them). */
  items: Attachment[];
  status: 'loading' | 'loaded' | 'failed';
  /** Reads the list again (after a change, or when the API said it changed meanwhile). */
  reload: () => void;
}

function fetchList(subject: AttachmentSubject) {
  const request = { params: { path: { id: subject.id } } };
  return subject.kind === 'action'
    ? api.GET('/actions/{id}/attachments', request)
    : api.GET('/commitments/{id}/attachments', request);
}

/**
 * Sends one file (multipart field `file`, with an optional `description`) to the action or
 * commitment; answers the API's answer as the typed client gives it.
 */
export function uploadAttachment(
  subject: AttachmentSubject,
  form: FormData,
  idempotencyKey: string,
) {
  const request = {
    params: { path: { id: subject.id }, header: { 'Idempotency-Key': idempotencyKey } },
    // The generated type calls the file part a string (OpenAPI's binary); the client sends a
    // FormData as it is, and the browser writes the multipart boundary.
    body: form as unknown as { file: string },
  };
  return subject.kind === 'action'
    ? api.POST('/actions/{id}/attachments', request)
    : api.POST('/commitments/{id}/attachments', request);
}

/**
 * The attachments of an action or a commitment. One list per page, shared by the sections
 * that show it (the attachments, and the verification that cites them), so a change made in
 * one is seen in the other.
 */
export function useAttachments(subject: AttachmentSubject): AttachmentList {
  const { kind, id } = subject;
  const [items, setItems] = useState<Attachment[]>([]);
  const [status, setStatus] = useState<AttachmentList['status']>('loading');
  // Answers to an older request (another subject, or a reload since) are dropped.
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    void fetchList({ kind, id })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => {
        if (mine !== generation.current) return;
        if (data) setItems(data.items);
        setStatus(data ? 'loaded' : 'failed');
      });
  }, [kind, id]);
  useEffect(() => {
    setItems([]);
    setStatus('loading');
    reload();
  }, [reload]);
  return { items, status, reload };
}
