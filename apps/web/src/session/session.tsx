import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api, onAccessExpired, setAccessToken, type Problem, type Schemas } from '../api/client';
import { type Language, LanguageProvider } from '../i18n';

export type Me = Schemas['MeResponse'];

type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason?: 'expired' | 'signedOut' }
  | { status: 'signedIn'; me: Me; language: Language };

export type SignInResult =
  { ok: true } | { ok: false; problem: Problem; retryAfterSeconds?: number };

interface Session {
  state: SessionState;
  signIn(email: string, password: string): Promise<SignInResult>;
  /**
   * Ends the session; false when the API could not (the person is still signed in: the
   * cookie would resume the session on the next load).
   */
  signOut(): Promise<boolean>;
  /** Ends every session of the person; false when the API could not. */
  signOutEverywhere(): Promise<boolean>;
  /** Reloads the account (after a change of name or language); answers the person's id. */
  reload(): Promise<string | undefined>;
  /** The programme the person works in now; they may switch between their programmes. */
  programmeId: string | null;
  setProgrammeId(id: string): void;
}

const SessionContext = createContext<Session | null>(null);
/** The cookie routes' CSRF defence: a header a cross-site form cannot send (DESIGN §7). */
const CSRF = { params: { header: { 'X-CSRF-Protection': '1' as const } } };
const PROGRAMME_KEY = 'sbt.programme';
/** Renew the access token this long before it expires. */
const RENEW_MARGIN_SECONDS = 60;
/** After a failed renewal that may work again (an outage), try again this much later. */
const RETRY_SECONDS = 15;

/**
 * What exchanging the cookie came to: a new access token; `refused` when the session is over
 * (401: no cookie, or a spent, revoked or expired one; 403: the CSRF check); `unavailable`
 * when it could not be decided (no network, 503, 429): the cookie still holds, the session
 * goes on and the exchange is tried again.
 */
type Exchange =
  | {
      outcome: 'renewed';
      accessToken: string;
      expiresIn: number;
      identityProviderId: string | null;
    }
  | { outcome: 'refused' }
  | { outcome: 'unavailable' };

/**
 * What a tab tells the other tabs of the browser, which share its session (the cookie): after
 * a sign-out they show nothing of the person any more, and after someone signs in they are
 * that person's, never one person's page working with another person's session.
 */
type SessionMessage = { kind: 'signedIn'; userId: string } | { kind: 'signedOut' };
const SESSION_CHANNEL = 'sbt-session';

/**
 * Exchanges the refresh cookie for a new access token, one exchange at a time across every
 * tab of the browser: two tabs presenting the same cookie at once would look like a stolen
 * refresh token, and the API ends the session (README "Identity and access").
 */
async function exchangeCookie(): Promise<Exchange> {
  const exchange = async (): Promise<Exchange> => {
    try {
      const { data, response } = await api.POST('/auth/browser/refresh', CSRF);
      if (data) return { outcome: 'renewed', ...data };
      return response.status === 401 || response.status === 403
        ? { outcome: 'refused' }
        : { outcome: 'unavailable' };
    } catch {
      return { outcome: 'unavailable' };
    }
  };
  return 'locks' in navigator
    ? navigator.locks.request('sbt-session-refresh', exchange)
    : exchange();
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [programmeId, setProgrammeIdState] = useState<string | null>(null);
  const renewTimer = useRef<number | undefined>(undefined);
  const renewing = useRef<Promise<boolean> | null>(null);
  const renewRef = useRef<() => Promise<boolean>>(() => Promise.resolve(false));
  const channel = useRef<BroadcastChannel | null>(null);
  /** The organisation's provider this session was signed in through (null: a password). */
  const identityProvider = useRef<string | null>(null);
  const userId = state.status === 'signedIn' ? state.me.id : null;
  const userIdRef = useRef(userId);
  useEffect(() => {
    userIdRef.current = userId;
  }, [userId]);

  const scheduleRenewal = useCallback((expiresIn: number) => {
    window.clearTimeout(renewTimer.current);
    const seconds = Math.max(expiresIn - RENEW_MARGIN_SECONDS, 5);
    renewTimer.current = window.setTimeout(() => void renewRef.current(), seconds * 1000);
  }, []);

  // A session ends once, and the person is told why it ended then: a request sent before they
  // signed out may come back refused afterwards (and its renewal with it), which must not
  // turn "signed out" into "your session expired".
  const ended = useCallback((reason: 'expired' | 'signedOut') => {
    window.clearTimeout(renewTimer.current);
    setAccessToken(null);
    setState((current) =>
      current.status === 'signedOut' && current.reason ? current : { status: 'signedOut', reason },
    );
  }, []);

  /**
   * Silent refresh: the HttpOnly cookie buys a new access token; one call at a time. Only a
   * refused cookie ends the session: during an outage the person stays on their page with
   * what they typed (the request that needed the token fails and says to try again), and the
   * renewal is tried again shortly.
   */
  const renew = useCallback((): Promise<boolean> => {
    renewing.current ??= (async () => {
      const result = await exchangeCookie();
      renewing.current = null;
      if (result.outcome === 'refused') {
        ended('expired');
        return false;
      }
      if (result.outcome === 'unavailable') {
        scheduleRenewal(RENEW_MARGIN_SECONDS + RETRY_SECONDS);
        return false;
      }
      setAccessToken(result.accessToken);
      identityProvider.current = result.identityProviderId;
      scheduleRenewal(result.expiresIn);
      return true;
    })();
    return renewing.current;
  }, [ended, scheduleRenewal]);
  renewRef.current = renew;

  /** Reads the signed-in person; answers their id (undefined when the session has ended). */
  const load = useCallback(async (): Promise<string | undefined> => {
    const [me, preferences] = await Promise.all([
      api.GET('/me'),
      api.GET('/me/notification-preferences'),
    ]);
    if (!me.data) {
      ended('expired');
      return undefined;
    }
    const account = me.data;
    const language: Language = preferences.data?.language === 'en' ? 'en' : 'nl';
    setState({ status: 'signedIn', me: account, language });
    setProgrammeIdState((current) => {
      const memberships = account.memberships.map((m) => m.programmeId);
      const remembered = current ?? window.localStorage.getItem(PROGRAMME_KEY);
      return remembered && memberships.includes(remembered) ? remembered : (memberships[0] ?? null);
    });
    return account.id;
  }, [ended]);

  // The other tabs' news: a sign-out ends this tab's session too; someone (else) signing in
  // makes this tab start afresh on their session.
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const opened = new BroadcastChannel(SESSION_CHANNEL);
    channel.current = opened;
    opened.onmessage = ({ data }: MessageEvent<SessionMessage>) => {
      if (data.kind === 'signedOut') {
        if (userIdRef.current !== null) ended('signedOut');
      } else if (data.userId !== userIdRef.current) {
        window.location.reload();
      }
    };
    return () => {
      opened.close();
      channel.current = null;
    };
  }, [ended]);
  const tellOtherTabs = useCallback((message: SessionMessage) => {
    channel.current?.postMessage(message);
  }, []);

  useEffect(() => {
    onAccessExpired(renew);
    // A session may already be open in this browser (the cookie): resume it.
    void (async () => {
      if (await renewQuietly()) await load();
      else setState({ status: 'signedOut' });
    })();
    async function renewQuietly(): Promise<boolean> {
      const result = await exchangeCookie();
      if (result.outcome !== 'renewed') return false;
      setAccessToken(result.accessToken);
      identityProvider.current = result.identityProviderId;
      scheduleRenewal(result.expiresIn);
      return true;
    }
    return () => window.clearTimeout(renewTimer.current);
  }, [load, renew, scheduleRenewal]);

  const signIn = useCallback(
    async (email: string, password: string): Promise<SignInResult> => {
      const { data, error, response } = await api.POST('/auth/browser/login', {
        ...CSRF,
        body: { email, password },
      });
      if (!data) {
        const retryAfter = Number(response.headers.get('Retry-After') ?? '');
        return {
          ok: false,
          problem: error,
          retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        };
      }
      setAccessToken(data.accessToken);
      identityProvider.current = data.identityProviderId;
      scheduleRenewal(data.expiresIn);
      const userId = await load();
      if (userId) tellOtherTabs({ kind: 'signedIn', userId });
      return { ok: true };
    },
    [load, scheduleRenewal, tellOtherTabs],
  );

  /**
   * After signing out here, a session signed in through the organisation's provider is
   * signed out there too (RP-initiated logout): on a shared computer, the next person must
   * not find the previous one still signed in at the organisation.
   */
  const signOutAtProvider = useCallback(() => {
    const provider = identityProvider.current;
    identityProvider.current = null;
    if (provider) {
      window.location.assign(`/v1/auth/oidc/logout?provider=${encodeURIComponent(provider)}`);
    }
  }, []);

  // Signed out only once the API says so: a page that merely forgot its token would leave a
  // session the cookie resumes on the next load, on a computer the person thinks they left.
  const signOut = useCallback(async () => {
    const result = await api.POST('/auth/browser/logout', CSRF).catch(() => null);
    if (!result?.response.ok) return false;
    ended('signedOut');
    tellOtherTabs({ kind: 'signedOut' });
    signOutAtProvider();
    return true;
  }, [ended, tellOtherTabs, signOutAtProvider]);

  const signOutEverywhere = useCallback(async () => {
    const result = await api.DELETE('/me/sessions').catch(() => null);
    if (!result?.response.ok) return false;
    // This browser's session has ended with the others; this drops its cookie too.
    await api.POST('/auth/browser/logout', CSRF).catch(() => undefined);
    ended('signedOut');
    tellOtherTabs({ kind: 'signedOut' });
    signOutAtProvider();
    return true;
  }, [ended, tellOtherTabs, signOutAtProvider]);

  const setProgrammeId = useCallback((id: string) => {
    window.localStorage.setItem(PROGRAMME_KEY, id);
    setProgrammeIdState(id);
  }, []);

  const value = useMemo<Session>(
    () => ({
      state,
      signIn,
      signOut,
      signOutEverywhere,
      reload: load,
      programmeId,
      setProgrammeId,
    }),
    [state, signIn, signOut, signOutEverywhere, load, programmeId, setProgrammeId],
  );
  const language = state.status === 'signedIn' ? state.language : 'nl';
  return (
    <SessionContext value={value}>
      <LanguageProvider language={language}>{children}</LanguageProvider>
    </SessionContext>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in person; only for screens behind the sign-in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe while signed out');
  return state.me;
}
