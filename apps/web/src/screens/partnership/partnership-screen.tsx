import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function PartnershipScreen() {
  const t = useT();
  usePageTitle(t.partnership.title);
  return (
    <>
      <Heading level={1}>{t.partnership.title}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
