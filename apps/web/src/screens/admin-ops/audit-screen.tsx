import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function AuditScreen() {
  const t = useT();
  usePageTitle(t.adminOps.audit);
  return (
    <>
      <Heading level={1}>{t.adminOps.audit}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
