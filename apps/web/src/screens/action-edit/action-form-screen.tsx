import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function ActionFormScreen() {
  const t = useT();
  usePageTitle(t.actionEdit.title);
  return (
    <>
      <Heading level={1}>{t.actionEdit.title}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
