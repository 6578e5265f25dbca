import { Heading, Link, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export function NotFoundScreen() {
  const t = useT();
  usePageTitle(t.errors.notFoundTitle);
  return (
    <>
      <Heading level={1}>{t.errors.notFoundTitle}</Heading>
      <Paragraph>{t.errors.notFound}</Paragraph>
      <Paragraph>
        <Link href="/">{t.errors.toHome}</Link>
      </Paragraph>
    </>
  );
}
