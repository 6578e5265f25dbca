import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { api, type Schemas } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds';
import { useT } from '../../i18n';
import { useMe } from '../../session/session';

type Provider = Schemas['OfferedProvidersResponse']['items'][number];
type Identity = Schemas['UserIdentityResponse'];
type Links =
  | { status: 'loading' | 'hidden' }
  /** `identities` null: they could not be read. */
  | { status: 'loaded'; provider: Provider; identities: Identity[] | null };

const SECTION_ID = 'organisatie-inloggen';
/**
 * Where the provider sends the browser back after linking: this section, whose heading then
 * takes the focus (a full page load focuses nothing), so the person lands on the result.
 */
const RETURN_TO = `/account#${SECTION_ID}`;

/**
 * The organisation's enabled provider (the sign-in page's list, matched by organisation) and,
 * when there is one, the person's links to it. Without one there is nothing to offer, and
 * the section is left out; so too when the list cannot be read, for the same reason.
 */
function useLinks(organisationId: string, version: number): Links {
  const [links, setLinks] = useState<Links>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void (async () => {
      const offered = await api.GET('/auth/oidc/providers').catch(() => null);
      const provider = offered?.data?.items.find(
        (candidate) => candidate.organisationId === organisationId,
      );
      if (!provider) {
        if (current) setLinks({ status: 'hidden' });
        return;
      }
      const mine = await api.GET('/me/identities').catch(() => null);
      if (current) setLinks({ status: 'loaded', provider, identities: mine?.data?.items ?? null });
    })();
    return () => {
      current = false;
    };
  }, [organisationId, version]);
  return links;
}

/**
 * "Inloggen met uw organisatie" on Account (issue 20): the person's links to their
 * organisation's provider, and linking one. Linking is a browser navigation to the provider
 * (POST /auth/oidc/link answers where to), which sends the person back here signed in through
 * it. It is how platform administrators link (never by e-mail address), and how anyone links
 * again after an administrator removed their link.
 */
export function AccountLinks({ onFailed }: { onFailed: (errors: FieldError[]) => void }) {
  const t = useT();
  const m = t.accountLinks;
  const me = useMe();
  const { hash } = useLocation();
  const [version, setVersion] = useState(0);
  const links = useLinks(me.organisation.id, version);
  const [busy, setBusy] = useState(false);
  const focused = useRef(false);

  useEffect(() => {
    if (links.status !== 'loaded' || focused.current || hash !== `#${SECTION_ID}`) return;
    focused.current = true;
    document.getElementById(`${SECTION_ID}-kop`)?.focus();
  }, [links.status, hash]);

  if (links.status !== 'loaded') return null;
  const { provider, identities } = links;

  async function link() {
    if (busy) return;
    setBusy(true);
    const result = await api
      .POST('/auth/oidc/link', { body: { returnTo: RETURN_TO } })
      .catch(() => null);
    if (result?.data) {
      // Busy until the browser has left for the provider.
      window.location.assign(result.data.authorizationUrl);
      return;
    }
    setBusy(false);
    const status = result?.response.status;
    if (status === 409) {
      // Switched off since the page loaded: the section goes, the summary says why.
      setVersion((value) => value + 1);
      return onFailed([{ message: m.noProvider }]);
    }
    onFailed([
      {
        message:
          status === undefined
            ? t.errors.network
            : status === 503
              ? m.unreachable
              : status === 429
                ? t.errors.tooManyRequests
                : t.errors.generic,
      },
    ]);
  }

  return (
    <section aria-labelledby={`${SECTION_ID}-kop`}>
      <Heading level={2} id={`${SECTION_ID}-kop`} tabIndex={-1}>
        {m.title}
      </Heading>
      {identities === null ? (
        <Alert type="error">
          <Paragraph>{m.loadFailed}</Paragraph>
        </Alert>
      ) : identities.length === 0 ? (
        <>
          <Paragraph>{m.notLinked(provider.displayName)}</Paragraph>
          <Paragraph>{m.explain}</Paragraph>
          <div>
            <Button
              appearance="primary-action-button"
              busy={busy}
              aria-disabled={busy}
              onClick={() => void link()}
            >
              {m.link(provider.displayName)}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Paragraph>{m.linked}</Paragraph>
          <Table>
            <TableCaption>{m.caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{m.issuer}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.linkedSince}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.lastUsed}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {identities.map((identity) => (
                <TableRow key={identity.id}>
                  <TableHeaderCell scope="row" className="sbt-value">
                    {identity.issuer}
                  </TableHeaderCell>
                  <TableCell>{t.format.dateTime(identity.createdAt)}</TableCell>
                  <TableCell>{t.format.dateTime(identity.lastSignInAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
