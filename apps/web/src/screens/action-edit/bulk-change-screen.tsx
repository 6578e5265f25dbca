import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function BulkChangeScreen() {
  const t = useT();
  usePageTitle(t.bulk.title);
  return (
    <>
      <Heading level={1}>{t.bulk.title}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
