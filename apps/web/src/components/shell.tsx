import {
  type FormEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert, Button, Link, NumberBadge, Paragraph, SelectField, SkipLink } from './nlds';
import { useUnreadCount } from '../screens/notifications/use-unread-count';
import { useSession } from '../session/session';
import { useT } from '../i18n';
import { useAnnounce } from './announcer';
import { ScreenErrorBoundary } from './error-boundary';
import { HeaderSearch } from './header-search';
import { type Programme, useProgrammes } from './use-programmes';

/**
 * Same-origin links render as plain anchors (the design system's Link); a click on one is
 * handled by the router instead of reloading the page, which would also drop the in-memory
 * access token.
 */
function useInAppLinks(): (event: MouseEvent) => void {
  const navigate = useNavigate();
  return (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element).closest('a');
    if (!anchor || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download'))
      return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/v1/')) return;
    if (url.pathname === window.location.pathname && url.hash) return;
    event.preventDefault();
    void navigate(`${url.pathname}${url.search}${url.hash}`);
  };
}

/**
 * After a navigation, focus goes to the new page's heading (WCAG 2.4.3). A screen loaded on
 * first use shows its heading a moment later: look for it for a while, unless the person has
 * moved the focus themselves meanwhile.
 */
function useFocusHeadingOnNavigation(): void {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const giveUpAt = performance.now() + 5_000;
    const startedOn = document.activeElement;
    let frame = 0;
    const look = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      const focusMoved =
        document.activeElement !== startedOn &&
        document.activeElement !== document.body &&
        document.activeElement?.id !== 'main';
      if (focusMoved) return;
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      } else if (performance.now() < giveUpAt) {
        frame = window.requestAnimationFrame(look);
      }
    };
    frame = window.requestAnimationFrame(look);
    return () => window.cancelAnimationFrame(frame);
  }, [location.pathname]);
}

export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const session = useSession();
  const handleClick = useInAppLinks();
  const { pathname } = useLocation();
  useFocusHeadingOnNavigation();
  const signedIn = session.state.status === 'signedIn';
  return (
    <div className="sbt-app" onClick={handleClick}>
      <SkipLink href="#main">{t.app.skipLink}</SkipLink>
      <header className="sbt-header">
        <div className="rhc-logo">
          <a href="/" className="rhc-logo__caption sbt-brand">
            <span className="rhc-logo__title">{t.app.name}</span>
            <span className="rhc-logo__subtitle">{t.app.tagline}</span>
          </a>
        </div>
        {signedIn && <SignedInTools />}
      </header>
      {signedIn && <MainNavigation />}
      <main id="main" tabIndex={-1} className="sbt-main">
        <div className="sbt-page">
          <ScreenErrorBoundary key={pathname} t={t}>
            {children}
          </ScreenErrorBoundary>
        </div>
      </main>
      <footer className="sbt-footer">
        <Paragraph>{t.app.footer}</Paragraph>
      </footer>
    </div>
  );
}

/**
 * The app's sections. Everyone sees the same list (each screen shows what the person's role
 * allows); the current page is marked with aria-current.
 */
function MainNavigation() {
  const t = useT();
  const unread = useUnreadCount();
  const { pathname } = useLocation();
  const items: { href: string; label: string }[] = [
    { href: '/', label: t.nav.myWork },
    { href: '/overzicht', label: t.nav.overview },
    { href: '/acties', label: t.nav.actions },
    { href: '/toezeggingen', label: t.nav.commitments },
    { href: '/partnerschap', label: t.nav.partnership },
    { href: '/uitvraagrondes', label: t.nav.updateRounds },
    { href: '/rapportages', label: t.nav.reports },
    { href: '/beheer', label: t.nav.admin },
  ];
  const current = (href: string) =>
    href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={t.app.mainNavigation} className="sbt-nav-bar">
      <ul className="sbt-nav">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
        <li>
          <Link href="/meldingen" aria-current={current('/meldingen') ? 'page' : undefined}>
            {t.nav.notifications}
            {/* The space keeps the visible words inside the accessible name (WCAG 2.5.3). */}
            {unread > 0 && (
              <>
                {' '}
                <NumberBadge label={t.nav.unread(unread)}>{unread}</NumberBadge>
              </>
            )}
          </Link>
        </li>
        <li>
          <Link href="/account" aria-current={current('/account') ? 'page' : undefined}>
            {t.nav.account}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function SignedInTools() {
  const t = useT();
  const session = useSession();
  // The switcher offers the programmes the person is a member of (the session's choice).
  const programmes = useProgrammes().filter((programme) => programme.role !== null);
  const me = session.state.status === 'signedIn' ? session.state.me : null;
  const [signOutFailed, setSignOutFailed] = useState(false);
  const signOut = async () => {
    setSignOutFailed(false);
    if (!(await session.signOut())) setSignOutFailed(true);
  };
  return (
    <div className="sbt-header__tools">
      {me && (
        <Paragraph className="sbt-signed-in-as">{t.switcher.signedInAs(me.displayName)}</Paragraph>
      )}
      <HeaderSearch />
      {programmes.length > 1 && <ProgrammeSwitcher programmes={programmes} />}
      <Button appearance="secondary-action-button" onClick={() => void signOut()}>
        {t.nav.signOut}
      </Button>
      {signOutFailed && (
        <Alert type="error" role="alert">
          <Paragraph>{t.nav.signOutFailed}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

/**
 * The programme to work in, for a person in more than one. A button confirms the choice:
 * choosing in the list alone changes nothing (WCAG 3.2.2: arrowing through a select must not
 * change the page). Mijn werk then shows the chosen programme.
 */
function ProgrammeSwitcher({ programmes }: { programmes: Programme[] }) {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [choice, setChoice] = useState(session.programmeId ?? '');
  // Follows the session when it changes elsewhere (another tab, a reload).
  const [seen, setSeen] = useState(session.programmeId);
  if (seen !== session.programmeId) {
    setSeen(session.programmeId);
    setChoice(session.programmeId ?? '');
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const programme = programmes.find((candidate) => candidate.id === choice);
    if (!programme) return;
    session.setProgrammeId(programme.id);
    announce(t.switcher.switched(programme.name));
    void navigate('/');
  };
  return (
    <form className="sbt-switcher" aria-label={t.nav.switchProgramme} onSubmit={submit}>
      <SelectField
        label={t.nav.programme}
        id="programme-switcher"
        name="programme"
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
      >
        {programmes.map((programme) => (
          <option key={programme.id} value={programme.id}>
            {programme.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" appearance="secondary-action-button">
        {t.nav.switchProgramme}
      </Button>
    </form>
  );
}
