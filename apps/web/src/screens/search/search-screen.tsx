import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function SearchScreen() {
  const t = useT();
  usePageTitle(t.search.title);
  return (
    <>
      <Heading level={1}>{t.search.title}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
