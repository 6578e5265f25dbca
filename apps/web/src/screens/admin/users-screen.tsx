import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function UsersScreen() {
  const t = useT();
  usePageTitle(t.admin.users);
  return (
    <>
      <Heading level={1}>{t.admin.users}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
