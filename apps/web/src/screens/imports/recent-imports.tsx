import { api } from '../../api/client';
import {
  Heading,
  Link,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds';
import { useT } from '../../i18n';
import { usePagedList } from '../action/use-paged-list';
import type { Import } from './import-words';
import { PagedRows } from './paged-rows';

/** The programme's imports still kept, newest first: back to a dry run, or to what one did. */
export function RecentImports({ programmeId }: { programmeId: string }) {
  const t = useT();
  const i = t.imports;
  const list = usePagedList<Import>(programmeId, (cursor) =>
    api
      .GET('/programmes/{id}/imports', {
        params: { path: { id: programmeId }, query: { limit: 20, cursor } },
      })
      .then(({ data }) => data),
  );
  return (
    <section aria-labelledby="import-recent">
      <Heading level={2} id="import-recent">
        {i.recentTitle}
      </Heading>
      <PagedRows list={list} empty={i.recentNone}>
        {(imports) => (
          <Table>
            <TableCaption className="sbt-visually-hidden">{i.recentTitle}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{i.file}</TableHeaderCell>
                <TableHeaderCell scope="col">{i.uploadedAt}</TableHeaderCell>
                <TableHeaderCell scope="col">{i.status}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {imports.map((item) => (
                <TableRow key={item.id}>
                  <TableHeaderCell scope="row">
                    <Link href={`/beheer/import/${item.id}`}>{item.filename}</Link>
                  </TableHeaderCell>
                  <TableCell>
                    <time dateTime={item.createdAt}>{t.format.dateTime(item.createdAt)}</time>
                  </TableCell>
                  <TableCell>{i.statusWords[item.status]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </PagedRows>
    </section>
  );
}
