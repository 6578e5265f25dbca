import { type FormEvent, useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  Heading,
  Link,
  Paragraph,
  TextField,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { useSession } from '../../session/session';
import { safeReturnPath } from './return-path';

type OfferedProvider = Schemas['OfferedProviderResponse'];

/**
 * The Dutch (or English) words for a refused sign-in's code; an unknown code (a crafted
 * link: `?sso-fout=__proto__`) gets the general message, never something of the object's.
 */
export function refusalMessage(
  messages: { refusals: Record<string, string>; refusedGeneric: string },
  code: string,
): string {
  return Object.hasOwn(messages.refusals, code) ? messages.refusals[code] : messages.refusedGeneric;
}

/** Where the browser goes to sign in through a provider (a navigation: the API redirects). */
function startUrl(choice: { provider: string } | { email: string }, returnTo: string): string {
  const query = new URLSearchParams(choice);
  if (returnTo !== '/') query.set('returnTo', returnTo);
  return `/v1/auth/oidc/start?${query.toString()}`;
}

/**
 * E-mail and password, or the organisation's own sign-in (DESIGN §7, OpenID Connect): by the
 * e-mail address's domain or from the list of organisations. A refused sign-in through an
 * organisation comes back here with its reason (`?sso-fout=`). After signing in the person lands where they were going,
 * e.g. the action an e-mail linked to (`?terug=/acties/…`).
 */
export function SignInScreen() {
  const t = useT();
  usePageTitle(t.signIn.title);
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('terug'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const refusal = params.get('sso-fout');
  const [errors, setErrors] = useState<FieldError[]>(() =>
    refusal ? [{ message: refusalMessage(t.signIn.sso, refusal) }] : [],
  );
  const [busy, setBusy] = useState(false);
  const [ssoEmail, setSsoEmail] = useState('');
  const [providers, setProviders] = useState<OfferedProvider[]>([]);

  useEffect(() => {
    // Without the list the e-mail route still works: a failure here shows nothing.
    void api
      .GET('/auth/oidc/providers')
      .then(({ data }) => setProviders(data?.items ?? []))
      .catch(() => undefined);
  }, []);

  if (session.state.status === 'signedIn') return <Navigate to={returnTo} replace />;
  const reason = session.state.status === 'signedOut' ? session.state.reason : undefined;
  const notice =
    reason === 'signedOut' || params.has('afgemeld')
      ? t.signIn.signedOut
      : reason === 'expired'
        ? t.signIn.sessionExpired
        : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing: FieldError[] = [];
    if (!email.trim()) missing.push({ fieldId: 'email', message: t.signIn.emailRequired });
    if (!password) missing.push({ fieldId: 'password', message: t.signIn.passwordRequired });
    if (missing.length > 0) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    const result = await session.signIn(email.trim(), password).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      void navigate(returnTo, { replace: true });
      return;
    }
    if (result === null) {
      setErrors([{ message: t.errors.network }]);
    } else if (result.problem?.status === 401) {
      setErrors([{ fieldId: 'email', message: t.signIn.invalid }]);
    } else if (result.problem?.code === 'PASSWORD_SIGN_IN_DISABLED') {
      setErrors([{ fieldId: 'sso-email', message: t.signIn.passwordSignInDisabled }]);
      setSsoEmail(email.trim());
    } else if (result.problem?.status === 429) {
      setErrors([
        { message: t.signIn.locked(Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60))) },
      ]);
    } else {
      setErrors([{ message: t.signIn.unavailable }]);
    }
  }

  function startSso(event: FormEvent) {
    event.preventDefault();
    const address = ssoEmail.trim();
    const problem = !address
      ? t.signIn.sso.emailRequired
      : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)
        ? null
        : t.signIn.sso.emailInvalid;
    if (problem) {
      setErrors([{ fieldId: 'sso-email', message: problem }]);
      return;
    }
    window.location.assign(startUrl({ email: address }, returnTo));
  }

  const errorFor = (field: string) => errors.find((error) => error.fieldId === field)?.message;
  return (
    <>
      <Heading level={1}>{t.signIn.title}</Heading>
      {notice && (
        <Alert type="info">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={errors} />
      <Paragraph>{t.signIn.intro}</Paragraph>
      <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
        <TextField
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          label={t.signIn.email}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          errorMessage={errorFor('email')}
          required
        />
        <TextField
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          label={t.signIn.password}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          errorMessage={errorFor('password')}
          required
        />
        <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
          {busy ? t.signIn.busy : t.signIn.submit}
        </Button>
      </form>
      <section aria-labelledby="sso-title" className="sbt-stack">
        <Heading level={2} id="sso-title">
          {t.signIn.sso.title}
        </Heading>
        <Paragraph>{t.signIn.sso.intro}</Paragraph>
        <form noValidate onSubmit={startSso} className="sbt-form">
          <TextField
            id="sso-email"
            name="sso-email"
            type="email"
            autoComplete="email"
            label={t.signIn.sso.email}
            description={t.signIn.sso.emailHint}
            value={ssoEmail}
            onChange={(event) => setSsoEmail(event.target.value)}
            errorMessage={errorFor('sso-email')}
          />
          <Button type="submit" appearance="secondary-action-button">
            {t.signIn.sso.submit}
          </Button>
        </form>
        {providers.length > 0 && (
          <>
            <Heading level={3}>{t.signIn.sso.chooseTitle}</Heading>
            <UnorderedList>
              {providers.map((provider) => (
                <UnorderedListItem key={provider.id}>
                  <Link href={startUrl({ provider: provider.id }, returnTo)}>
                    {t.signIn.sso.provider(provider.displayName)}
                  </Link>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </>
        )}
      </section>
    </>
  );
}
