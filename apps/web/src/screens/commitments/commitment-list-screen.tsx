import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function CommitmentListScreen() {
  const t = useT();
  usePageTitle(t.commitments.title);
  return (
    <>
      <Heading level={1}>{t.commitments.title}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
