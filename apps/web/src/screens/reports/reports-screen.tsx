import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function ReportsScreen() {
  const t = useT();
  usePageTitle(t.reports.title);
  return (
    <>
      <Heading level={1}>{t.reports.title}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
