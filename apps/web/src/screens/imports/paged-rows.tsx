import type { ReactNode } from 'react';
import { Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import type { PagedList } from '../action/use-paged-list';
import { LoadMore } from '../admin/admin-parts';

/**
 * A paged table of this area: loading, failed and empty said in words, then the table and
 * "Meer laden", which hands the focus to the first new row as the administration tables do.
 */
export function PagedRows<T>({
  list,
  empty,
  children,
}: {
  list: PagedList<T>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const t = useT();
  if (list.status === 'failed') return <Paragraph>{t.action.partFailed}</Paragraph>;
  if (list.status === 'loading' && list.items.length === 0)
    return <Paragraph>{t.app.loading}</Paragraph>;
  if (list.items.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    // LoadMore finds the new rows in the table beside it.
    <div>
      <div className="sbt-table-scroll">{children(list.items)}</div>
      <LoadMore list={list} />
    </div>
  );
}
