import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function OverviewScreen() {
  const t = useT();
  usePageTitle(t.overview.title);
  return (
    <>
      <Heading level={1}>{t.overview.title}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
