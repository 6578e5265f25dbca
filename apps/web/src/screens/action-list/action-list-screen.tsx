import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function ActionListScreen() {
  const t = useT();
  usePageTitle(t.actionList.title);
  return (
    <>
      <Heading level={1}>{t.actionList.title}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
