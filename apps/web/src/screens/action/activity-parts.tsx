import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Button, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import type { PagedList } from './use-paged-list';

export function When({ iso }: { iso: string }) {
  const t = useT();
  return <time dateTime={iso}>{t.format.dateTime(iso)}</time>;
}

/**
 * A list section's body: loading, failed, empty, the items, and "load more". When the last
 * page comes, the button goes: a line saying that all is shown takes its place and the focus
 * (WCAG 2.4.3), which would otherwise fall to the page.
 */
export function ListBody<T>({
  list,
  empty,
  children,
}: {
  list: PagedList<T>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const t = useT();
  const [extended, setExtended] = useState(false);
  const focusWhenLoaded = useRef(false);
  const end = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!focusWhenLoaded.current) return;
    focusWhenLoaded.current = false;
    if (list.status === 'loaded' && !list.hasMore) end.current?.focus();
  }, [list.items, list.status, list.hasMore]);
  if (list.status === 'failed') return <Paragraph>{t.action.partFailed}</Paragraph>;
  if (list.status === 'loading' && list.items.length === 0)
    return <Paragraph>{t.app.loading}</Paragraph>;
  if (list.items.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <>
      {children(list.items)}
      {list.hasMore ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            focusWhenLoaded.current = true;
            setExtended(true);
            list.loadMore();
          }}
        >
          {t.action.more}
        </Button>
      ) : (
        extended && (
          <Paragraph ref={end} tabIndex={-1}>
            {t.action.allShown}
          </Paragraph>
        )
      )}
    </>
  );
}
