import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function ApiTokensScreen() {
  const t = useT();
  usePageTitle(t.admin.apiTokens);
  return (
    <>
      <Heading level={1}>{t.admin.apiTokens}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
