import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function DeliveriesScreen() {
  const t = useT();
  usePageTitle(t.adminOps.deliveries);
  return (
    <>
      <Heading level={1}>{t.adminOps.deliveries}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
