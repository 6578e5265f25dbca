import { useEffect, useRef } from 'react';
import { useLocation, useParams } from 'react-router';
import { useAnnounce } from '../../components/announcer';
import { Alert, Heading, Link, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { NotFoundScreen } from '../not-found/not-found-screen';
import { ApplyProgress } from './apply-progress';
import { DryRunSection } from './dry-run-section';
import { ImportResults } from './import-results';
import { type Import, problemPlace, sizeInWords, useMayImport } from './import-words';
import { type ImportState, useImport } from './use-import';

/**
 * Een import (`/beheer/import/:importId`): the dry run being made, then what would change
 * (filters, conflicts to choose, the apply after a confirmation), the apply's progress, and
 * what it did.
 */
export default function ImportScreen() {
  const { importId = '' } = useParams();
  const t = useT();
  const { programmeId, mayImport } = useMayImport();
  if (!programmeId || !mayImport) {
    return <Refused message={programmeId ? t.imports.coordinatorsOnly : t.imports.noProgramme} />;
  }
  // Keyed: another import (or programme) starts afresh.
  return (
    <ImportPage key={`${programmeId}:${importId}`} programmeId={programmeId} importId={importId} />
  );
}

function Refused({ message }: { message: string }) {
  const i = useT().imports;
  usePageTitle(i.title);
  return (
    <>
      <Heading level={1}>{i.title}</Heading>
      <Alert type="info">
        <Paragraph>{message}</Paragraph>
      </Alert>
    </>
  );
}

/**
 * Says what the worker is doing as it happens, sparingly (WCAG 4.1.3): the dry run being
 * made and its end, and the apply at each quarter and at its end, not every percent. Right
 * after the upload the import's first state is news too (the dry run may be ready at once).
 */
function useStatusAnnouncements(state: ImportState, justUploaded: boolean): void {
  const i = useT().imports;
  const announce = useAnnounce();
  const seen = useRef<{ status: Import['status'] | null; quarter: number }>({
    status: null,
    quarter: 0,
  });
  const item = state.status === 'loaded' ? state.item : null;
  useEffect(() => {
    if (!item) return;
    const before = seen.current;
    const quarter = Math.floor(item.progress / 25);
    seen.current = { status: item.status, quarter };
    if (item.status === before.status) {
      if (item.status === 'applying' && quarter > before.quarter && quarter < 4)
        announce(i.progressAnnounce(quarter * 25));
      return;
    }
    const first = before.status === null;
    if (item.status === 'queued' || item.status === 'planning') {
      if (first) announce(i.planning);
      return;
    }
    // A page opened later on a finished import shows it; there is no news to say.
    if (first && !justUploaded) return;
    const news = {
      planned: i.planned,
      failed: i.failedAnnounce,
      applied: i.appliedAnnounce,
      // The button that started the apply said so.
      applying: null,
    }[item.status];
    if (news) announce(news);
  }, [item, announce, i, justUploaded]);
}

function ImportPage({ programmeId, importId }: { programmeId: string; importId: string }) {
  const t = useT();
  const i = t.imports;
  const { state, replace } = useImport(programmeId, importId);
  const title = state.status === 'loaded' ? i.importOf(state.item.filename) : i.title;
  usePageTitle(title);
  const location = useLocation();
  useStatusAnnouncements(
    state,
    (location.state as { uploaded?: boolean } | null)?.uploaded === true,
  );
  if (state.status === 'notFound') return <NotFoundScreen />;
  return (
    <>
      {/* The same heading from loading to loaded: the shell focuses it after navigation. */}
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        <Link href="/beheer/import">{i.backToStart}</Link>
      </Paragraph>
      {state.status === 'loaded' ? (
        <div className="sbt-stack">
          <ImportBody item={state.item} replace={replace} />
        </div>
      ) : (
        <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>
      )}
    </>
  );
}

function ImportBody({ item, replace }: { item: Import; replace: (item: Import) => void }) {
  const t = useT();
  const i = t.imports;
  const uploaded = (
    <Paragraph>
      {i.uploadedOn(t.format.dateTime(item.createdAt), sizeInWords(i, item.sizeBytes))}
    </Paragraph>
  );
  switch (item.status) {
    case 'queued':
    case 'planning':
      return (
        <>
          {uploaded}
          <Paragraph>{i.planning}</Paragraph>
        </>
      );
    case 'planned':
      return (
        <>
          {uploaded}
          <DryRunSection item={item} replace={replace} />
        </>
      );
    case 'applying':
      return <ApplyProgress item={item} />;
    case 'applied':
      return <ImportResults item={item} />;
    case 'failed':
      return (
        <>
          {uploaded}
          <Alert type="error">
            <Heading level={2}>{i.failedTitle}</Heading>
            {item.problem && <Paragraph>{item.problem.reason}</Paragraph>}
            {item.problem && problemPlace(i, item.problem) && (
              <Paragraph>{problemPlace(i, item.problem)}</Paragraph>
            )}
            <Paragraph>{i.tryAgain}</Paragraph>
          </Alert>
          {/* An apply that stopped half-way: what it did until then. */}
          {item.applyRequestedAt && <ImportResults item={item} />}
        </>
      );
  }
}
