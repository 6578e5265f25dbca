import { useEffect, useRef, useState } from 'react';
import { ActionTable } from '../../components/action-table';
import { Button, Heading, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import { type ActionQuery, useActionPage } from './use-action-page';

/** One list of actions on Mijn werk, a page at a time, with its count in the heading. */
export function ActionSection({
  id,
  title,
  query,
}: {
  id: string;
  title: string;
  query: ActionQuery;
}) {
  const t = useT();
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const queryKey = JSON.stringify(query);
  useEffect(() => setCursor(undefined), [queryKey]);
  const page = useActionPage(query, cursor);
  const headingId = `${id}-kop`;
  const more = page.next !== undefined || cursor !== undefined;
  // After "next" or "previous" the new page's heading takes the focus: the button pressed may
  // be gone (the first or last page has none), and focus must not drop to the page (WCAG 2.4.3).
  const heading = useRef<HTMLHeadingElement>(null);
  const focusWhenLoaded = useRef(false);
  useEffect(() => {
    if (!focusWhenLoaded.current || page.loading) return;
    focusWhenLoaded.current = false;
    heading.current?.focus();
  }, [page]);
  const turnTo = (next: string | undefined) => {
    focusWhenLoaded.current = true;
    setCursor(next);
  };
  return (
    <section aria-labelledby={headingId} aria-busy={page.loading}>
      <Heading level={2} id={headingId} ref={heading} tabIndex={-1}>
        {title}
        {!page.loading && !page.failed && <> ({t.myWork.count(page.actions.length, more)})</>}
      </Heading>
      {page.failed ? (
        <Paragraph>{t.myWork.loadFailed}</Paragraph>
      ) : page.loading && page.actions.length === 0 ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : page.actions.length === 0 ? (
        <Paragraph>{t.myWork.none}</Paragraph>
      ) : (
        <ActionTable caption={title} actions={page.actions} />
      )}
      {(page.prev || page.next) && (
        <nav aria-label={t.myWork.pageOf(title)} className="sbt-row">
          {page.prev && (
            <Button appearance="secondary-action-button" onClick={() => turnTo(page.prev)}>
              {t.myWork.previous}
            </Button>
          )}
          {page.next && (
            <Button appearance="secondary-action-button" onClick={() => turnTo(page.next)}>
              {t.myWork.next}
            </Button>
          )}
        </nav>
      )}
    </section>
  );
}
