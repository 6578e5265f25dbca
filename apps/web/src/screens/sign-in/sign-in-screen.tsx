import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, TextField } from '../../components/nlds';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { useSession } from '../../session/session';
import { safeReturnPath } from './return-path';

/**
 * E-mail and password (DESIGN §7). After signing in the person lands where they were going,
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
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

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
    } else if (result.problem?.status === 429) {
      setErrors([
        { message: t.signIn.locked(Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60))) },
      ]);
    } else {
      setErrors([{ message: t.signIn.unavailable }]);
    }
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
    </>
  );
}
