import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function UpdateRoundListScreen() {
  const t = useT();
  usePageTitle(t.updateRounds.title);
  return (
    <>
      <Heading level={1}>{t.updateRounds.title}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
