import { useEffect, useState } from 'react';
import { api, cursorOf } from '../../api/client';
import { CopyField } from '../../components/copy-field';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
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
  TextField,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { focusSoon, NoPermission, useAllOrganisations } from './admin-parts';
import { IdentityProviderForm } from './identity-provider-form';
import { EditProvider, RemoveProvider } from './identity-provider-steps';
import type { Provider } from './identity-provider-values';

const LIST_HEADING_ID = 'idp-kop';
/** More pages than the platform has organisations (one provider each); a stop against a runaway loop. */
const MAX_PAGES = 20;

type Step = { kind: 'edit' | 'remove'; provider: Provider } | null;
type Providers = { status: 'loading' | 'failed' } | { status: 'loaded'; items: Provider[] };

/**
 * Identiteitsproviders (platform administrators): each organisation's OpenID Connect provider
 * (issue 20). Add one for an organisation that has none, change it, delete it; and the
 * redirect URI to register at the provider.
 */
export default function IdentityProvidersScreen() {
  const t = useT();
  const { isPlatformAdmin } = useProgrammeRole();
  if (!isPlatformAdmin)
    return (
      <NoPermission title={t.identityProviders.title} message={t.identityProviders.noPermission} />
    );
  return <IdentityProviders />;
}

/**
 * Every provider: at most one per organisation, so a few dozen. All of them are read, not a
 * page, because the form offers only the organisations that have none.
 */
function useAllProviders(version: number): Providers {
  const [providers, setProviders] = useState<Providers>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void (async () => {
      const all: Provider[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const { data } = await api
          .GET('/identity-providers', { params: { query: { limit: 200, cursor } } })
          .catch(() => ({ data: undefined }));
        if (!data) {
          if (current) setProviders({ status: 'failed' });
          return;
        }
        all.push(...data.data);
        cursor = cursorOf(data._links.next);
        if (!cursor) break;
      }
      if (current) setProviders({ status: 'loaded', items: all });
    })();
    return () => {
      current = false;
    };
  }, [version]);
  return providers;
}

function IdentityProviders() {
  const t = useT();
  const m = t.identityProviders;
  usePageTitle(m.title);
  const organisations = useAllOrganisations(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [version, setVersion] = useState(0);
  const [step, setStep] = useState<Step>(null);
  const providers = useAllProviders(version);
  const reload = () => setVersion((value) => value + 1);
  const items = providers.status === 'loaded' ? providers.items : [];
  const taken = new Set(items.map((provider) => provider.organisation.id));
  const free =
    organisations && providers.status === 'loaded'
      ? organisations.filter((organisation) => !taken.has(organisation.id))
      : null;
  const afterStep = () => {
    setStep(null);
    reload();
    focusSoon(LIST_HEADING_ID);
  };
  const gone = () => {
    setStep(null);
    reload();
    setErrors([{ message: m.gone }]);
  };

  return (
    <>
      <Heading level={1}>{m.title}</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>{m.intro}</Paragraph>
      <div className="sbt-stack">
        <RedirectUri />

        {step?.kind === 'edit' && (
          <EditProvider
            key={step.provider.id}
            provider={step.provider}
            errors={errors}
            onErrors={setErrors}
            onCancel={() => {
              setStep(null);
              focusSoon(`idp-wijzig-${step.provider.id}`);
            }}
            onSaved={afterStep}
            onGone={gone}
          />
        )}
        {step?.kind === 'remove' && (
          <RemoveProvider
            key={step.provider.id}
            provider={step.provider}
            onErrors={setErrors}
            onCancel={() => {
              setStep(null);
              focusSoon(`idp-verwijder-${step.provider.id}`);
            }}
            onDone={afterStep}
            onStale={(message) => {
              setStep(null);
              reload();
              setErrors([{ message }]);
            }}
          />
        )}

        <section aria-labelledby={LIST_HEADING_ID}>
          <Heading level={2} id={LIST_HEADING_ID} tabIndex={-1}>
            {m.caption}
          </Heading>
          {providers.status === 'failed' && (
            <Alert type="error">
              <Paragraph>{t.admin.loadFailed}</Paragraph>
            </Alert>
          )}
          {providers.status === 'loading' && <Paragraph>{t.app.loading}</Paragraph>}
          {providers.status === 'loaded' && items.length === 0 && <Paragraph>{m.none}</Paragraph>}
          {items.length > 0 && (
            <Table>
              <TableCaption>{m.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{m.organisation}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.displayName}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.issuer}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.columns.enabled}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.columns.passwordSignInDisabled}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.columns.createUsers}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.actions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((provider) => (
                  <TableRow key={provider.id}>
                    <TableHeaderCell scope="row">
                      {provider.organisation.name} ({provider.organisation.code})
                    </TableHeaderCell>
                    <TableCell>{provider.displayName}</TableCell>
                    <TableCell className="sbt-value">{provider.issuer}</TableCell>
                    <TableCell>{provider.enabled ? t.admin.yes : t.admin.no}</TableCell>
                    <TableCell>
                      {provider.passwordSignInDisabled ? t.admin.yes : t.admin.no}
                    </TableCell>
                    <TableCell>{provider.createUsers ? t.admin.yes : t.admin.no}</TableCell>
                    <TableCell>
                      <div className="sbt-row">
                        <Button
                          id={`idp-wijzig-${provider.id}`}
                          appearance="secondary-action-button"
                          aria-label={m.edit(provider.displayName)}
                          onClick={() => {
                            setErrors([]);
                            setStep({ kind: 'edit', provider });
                          }}
                        >
                          {t.admin.edit}
                        </Button>
                        <Button
                          id={`idp-verwijder-${provider.id}`}
                          appearance="secondary-action-button"
                          aria-label={m.remove(provider.displayName)}
                          onClick={() => {
                            setErrors([]);
                            setStep({ kind: 'remove', provider });
                          }}
                        >
                          {t.admin.remove}
                        </Button>
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>

        <section aria-labelledby="idp-toevoegen-kop">
          <Heading level={2} id="idp-toevoegen-kop">
            {m.addTitle}
          </Heading>
          {free === null ? (
            <Paragraph>{t.app.loading}</Paragraph>
          ) : free.length === 0 ? (
            <Paragraph>{m.allHaveOne}</Paragraph>
          ) : (
            <IdentityProviderForm
              organisations={free}
              errors={errors}
              onErrors={setErrors}
              onSaved={reload}
            />
          )}
        </section>
      </div>
    </>
  );
}

/** The address the provider sends people back to, which the API serves (issue 20). */
function RedirectUri() {
  const m = useT().identityProviders;
  return (
    <section aria-labelledby="idp-registreren-kop">
      <Heading level={2} id="idp-registreren-kop">
        {m.redirectTitle}
      </Heading>
      <Paragraph>{m.redirectIntro}</Paragraph>
      <CopyField
        id="idp-redirect-uri"
        label={m.redirectUri}
        description={m.redirectUriDescription}
        value={`${window.location.origin}/v1/auth/oidc/callback`}
        copyLabel={m.copyRedirectUri}
        copied={m.redirectUriCopied}
        copyFailed={m.redirectUriCopyFailed}
      />
      <div className="sbt-copy-field">
        <TextField
          id="idp-afmeldadres"
          label={m.postLogoutUri}
          description={m.postLogoutUriDescription}
          value={`${window.location.origin}/aanmelden?afgemeld`}
          readOnly
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
      </div>
    </section>
  );
}
