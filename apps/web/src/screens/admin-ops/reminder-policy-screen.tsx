import { Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';

export default function ReminderPolicyScreen() {
  const t = useT();
  usePageTitle(t.adminOps.reminderPolicy);
  return (
    <>
      <Heading level={1}>{t.adminOps.reminderPolicy}</Heading>
      <Paragraph>{t.app.comingSoon}</Paragraph>
    </>
  );
}
