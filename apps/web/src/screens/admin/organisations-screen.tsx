import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function OrganisationsScreen() {
  const t = useT();
  usePageTitle(t.admin.organisations);
  return (
    <>
      <Heading level={1}>{t.admin.organisations}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
