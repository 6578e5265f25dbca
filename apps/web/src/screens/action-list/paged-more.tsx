import { useEffect, useRef, useState } from 'react';
import { Button, Paragraph } from '../../components/nlds';
import type { Paged } from './use-paged';

/**
 * "Load more" under a list. When the last page comes the button goes, and a line saying that
 * all is shown takes its place and the focus (WCAG 2.4.3), which would otherwise fall to the
 * page. A busy button stays focusable (busy, not disabled).
 */
export function PagedMore<T>({
  list,
  more,
  allShown,
}: {
  list: Paged<T>;
  more: string;
  allShown: string;
}) {
  const [extended, setExtended] = useState(false);
  const focusWhenLoaded = useRef(false);
  const end = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!focusWhenLoaded.current || list.loadingMore) return;
    focusWhenLoaded.current = false;
    if (!list.hasMore) end.current?.focus();
  }, [list.items, list.loadingMore, list.hasMore]);
  if (list.hasMore)
    return (
      <Button
        appearance="secondary-action-button"
        aria-busy={list.loadingMore || undefined}
        onClick={() => {
          if (list.loadingMore) return;
          focusWhenLoaded.current = true;
          setExtended(true);
          list.loadMore();
        }}
      >
        {more}
      </Button>
    );
  return extended ? (
    <Paragraph ref={end} tabIndex={-1}>
      {allShown}
    </Paragraph>
  ) : null;
}
