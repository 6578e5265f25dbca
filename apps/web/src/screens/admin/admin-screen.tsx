import { Heading, Link, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';

/**
 * Beheer: the administration pages the person may use. Programme administration is for the
 * programme's coordinators; organisations, users and identity providers for platform
 * administrators; everyone manages their own API tokens.
 */
export default function AdminScreen() {
  const t = useT();
  usePageTitle(t.admin.title);
  const { role, isPlatformAdmin } = useProgrammeRole();
  const managesProgramme = isPlatformAdmin || role === 'coordinator';
  const pages = [
    ...(managesProgramme
      ? [
          { href: '/beheer/leden', label: t.admin.members, about: t.admin.membersAbout },
          {
            href: '/beheer/herinneringen',
            label: t.adminOps.reminderPolicy,
            about: t.adminOps.reminderPolicyAbout,
          },
          {
            href: '/beheer/verzendingen',
            label: t.adminOps.deliveries,
            about: t.adminOps.deliveriesAbout,
          },
          { href: '/beheer/audit', label: t.adminOps.audit, about: t.adminOps.auditAbout },
          { href: '/beheer/import', label: t.imports.title, about: t.imports.about },
          { href: '/beheer/webhooks', label: t.webhooks.title, about: t.webhooks.about },
        ]
      : []),
    ...(isPlatformAdmin
      ? [
          {
            href: '/beheer/organisaties',
            label: t.admin.organisations,
            about: t.admin.organisationsAbout,
          },
          { href: '/beheer/gebruikers', label: t.admin.users, about: t.admin.usersAbout },
          {
            href: '/beheer/identiteitsproviders',
            label: t.identityProviders.title,
            about: t.identityProviders.about,
          },
          {
            href: '/beheer/wachtrijen',
            label: t.queueDashboard.title,
            about: t.queueDashboard.about,
          },
        ]
      : []),
    { href: '/beheer/api-tokens', label: t.admin.apiTokens, about: t.admin.apiTokensAbout },
  ];
  return (
    <>
      <Heading level={1}>{t.admin.title}</Heading>
      <ul className="sbt-link-list">
        {pages.map((page) => (
          <li key={page.href}>
            <Link href={page.href}>{page.label}</Link>
            <Paragraph>{page.about}</Paragraph>
          </li>
        ))}
      </ul>
    </>
  );
}
