import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function MembersScreen() {
  const t = useT();
  usePageTitle(t.admin.members);
  return (
    <>
      <Heading level={1}>{t.admin.members}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
