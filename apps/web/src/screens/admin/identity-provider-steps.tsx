import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
import { Button, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import { generalProblem, Panel } from './admin-parts';
import { IdentityProviderForm } from './identity-provider-form';
import { etagOf, type Provider } from './identity-provider-values';

/*
 * The steps of their own on the Identiteitsproviders screen: changing a provider and
 * confirming its deletion, each in a panel whose heading takes the focus.
 */

/** Changes a provider as it is now: read afresh with its ETag, so If-Match names that version. */
export function EditProvider(props: {
  provider: Provider;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onCancel: () => void;
  onSaved: () => void;
  onGone: () => void;
}) {
  const { provider, onErrors, onGone } = props;
  const t = useT();
  const [stored, setStored] = useState<
    { status: 'loading' | 'failed' } | { status: 'loaded'; provider: Provider; etag: string }
  >({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void api
      .GET('/identity-providers/{id}', { params: { path: { id: provider.id } } })
      .then(({ data, error, response }) => {
        if (!current) return;
        if (data)
          return setStored({ status: 'loaded', provider: data, etag: etagOf(response, data) });
        if (response.status === 404) return onGone();
        setStored({ status: 'failed' });
        onErrors([{ message: generalProblem(error, response.status, t) }]);
      })
      .catch(() => {
        if (!current) return;
        setStored({ status: 'failed' });
        onErrors([{ message: t.errors.network }]);
      });
    return () => {
      current = false;
    };
    // Read once, when the panel opens; the callbacks change with every render of the screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [provider.id]);

  return (
    <Panel id="idp-wijzigen" title={t.identityProviders.editTitle(provider.displayName)}>
      {stored.status === 'loaded' ? (
        <IdentityProviderForm
          stored={stored}
          errors={props.errors}
          onErrors={onErrors}
          onSaved={props.onSaved}
          onGone={onGone}
          onCancel={props.onCancel}
        />
      ) : stored.status === 'loading' ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : (
        <Button appearance="secondary-action-button" onClick={props.onCancel}>
          {t.admin.cancel}
        </Button>
      )}
    </Panel>
  );
}

/** Asks first; the deletion names the version shown in If-Match, so a changed one is refused. */
export function RemoveProvider(props: {
  provider: Provider;
  onErrors: (errors: FieldError[]) => void;
  onCancel: () => void;
  onDone: () => void;
  onStale: (message: string) => void;
}) {
  const { provider } = props;
  const t = useT();
  const m = t.identityProviders;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (busy) return;
    setBusy(true);
    const result = await api
      .DELETE('/identity-providers/{id}', {
        params: { path: { id: provider.id }, header: { 'If-Match': `"${provider.version}"` } },
      })
      .catch(() => null);
    setBusy(false);
    const status = result?.response.status;
    if (status === 204) {
      props.onErrors([]);
      announce(m.removed(provider.displayName));
      return props.onDone();
    }
    if (status === 404) return props.onStale(m.gone);
    if (status === 412) return props.onStale(m.removeConflict);
    props.onErrors([{ message: generalProblem(result?.error, status, t) }]);
  }

  return (
    <Panel id="idp-verwijderen" title={m.removeTitle(provider.displayName)}>
      <Paragraph>{m.removeWarning(provider.organisation.name)}</Paragraph>
      <div className="sbt-row">
        <Button
          appearance="primary-action-button"
          busy={busy}
          aria-disabled={busy}
          onClick={() => void remove()}
        >
          {m.confirmRemove}
        </Button>
        <Button appearance="secondary-action-button" onClick={props.onCancel}>
          {t.admin.cancel}
        </Button>
      </div>
    </Panel>
  );
}
