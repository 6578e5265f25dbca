import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  CheckboxField,
  CheckboxGroupField,
  Paragraph,
  SelectField,
  TextareaField,
  TextField,
} from '../../components/nlds';
import { useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { errorFor, type Organisation } from './admin-parts';
import {
  changeOf,
  checkValues,
  etagOf,
  type FieldIds,
  NEW_PROVIDER,
  problemsOf,
  type Provider,
  type ProviderValues,
  valuesOf,
} from './identity-provider-values';

/**
 * Adds a provider for an organisation that has none, or (with `stored`) changes one, naming
 * the version it was read at in If-Match. The client secret is write-only: on a change an
 * empty field keeps the stored one.
 */
export function IdentityProviderForm(props: {
  /** The provider as read, with its ETag; absent when adding one. */
  stored?: { provider: Provider; etag: string };
  /** The organisations a new provider may be for (those without one). */
  organisations?: Organisation[];
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onSaved: (provider: Provider) => void;
  /** The provider was deleted meanwhile (a change answered 404). */
  onGone?: () => void;
  onCancel?: () => void;
}) {
  const { stored } = props;
  const t = useT();
  const m = t.identityProviders;
  const announce = useAnnounce();
  const idempotency = useIdempotencyKey();
  const prefix = stored ? 'idp-wijzigen' : 'idp-nieuw';
  const ids: FieldIds = {
    organisationId: `${prefix}-organisatie`,
    displayName: `${prefix}-naam`,
    issuer: `${prefix}-issuer`,
    clientId: `${prefix}-client-id`,
    clientSecret: `${prefix}-clientgeheim`,
    scopes: `${prefix}-scopes`,
    emailClaim: `${prefix}-claim`,
    allowedDomains: `${prefix}-domeinen`,
  };
  const [values, setValues] = useState<ProviderValues>(() =>
    stored ? valuesOf(stored.provider) : NEW_PROVIDER,
  );
  const [etag, setEtag] = useState(stored?.etag ?? '');
  const [hasSecret, setHasSecret] = useState(stored?.provider.hasClientSecret ?? false);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const set = <K extends keyof ProviderValues>(field: K, value: ProviderValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    const checked = checkValues(values, !stored, ids, t);
    if (!checked.body) return props.onErrors(checked.errors);
    const body = checked.body;

    setBusy(true);
    const result = await (
      stored
        ? api.PATCH('/identity-providers/{id}', {
            params: { path: { id: stored.provider.id }, header: { 'If-Match': etag } },
            body: changeOf(body),
          })
        : api.POST('/identity-providers', {
            params: { header: { 'Idempotency-Key': idempotency.keyFor(body) } },
            body,
          })
    ).catch(() => null);
    setBusy(false);
    if (result?.data) {
      idempotency.done();
      props.onErrors([]);
      const message = stored ? m.saved(result.data.displayName) : m.added(result.data.displayName);
      announce(message);
      if (!stored) {
        setValues(NEW_PROVIDER);
        setAdded(message);
      }
      return props.onSaved(result.data);
    }
    const status = result?.response.status;
    if (stored && status === 404) return props.onGone?.();
    if (stored && status === 412) {
      // Someone else saved meanwhile: keep what this person typed, and let them save again
      // over the newer version knowingly (as the reminder policy does).
      const fresh = await api
        .GET('/identity-providers/{id}', { params: { path: { id: stored.provider.id } } })
        .catch(() => null);
      if (fresh?.data) {
        setEtag(etagOf(fresh.response, fresh.data));
        setHasSecret(fresh.data.hasClientSecret);
      }
      return props.onErrors([{ message: m.conflict }]);
    }
    props.onErrors(problemsOf(result?.error, status, ids, t));
  }

  const field = (name: keyof FieldIds) => ({
    id: ids[name],
    errorMessage: errorFor(props.errors, ids[name]),
  });

  return (
    <>
      {added && (
        <Alert type="ok">
          <Paragraph>{added}</Paragraph>
        </Alert>
      )}
      <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
        {!stored && (
          <SelectField
            {...field('organisationId')}
            label={m.organisation}
            description={m.organisationDescription}
            value={values.organisationId}
            onChange={(event) => set('organisationId', event.target.value)}
            required
          >
            <option value="">{m.chooseOrganisation}</option>
            {(props.organisations ?? []).map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name} ({organisation.code})
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          {...field('displayName')}
          label={m.displayName}
          description={m.displayNameDescription}
          value={values.displayName}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => set('displayName', event.target.value)}
          required
        />
        <TextField
          {...field('issuer')}
          type="url"
          label={m.issuer}
          description={m.issuerDescription}
          value={values.issuer}
          maxLength={500}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set('issuer', event.target.value)}
          required
        />
        <TextField
          {...field('clientId')}
          label={m.clientId}
          description={m.clientIdDescription}
          value={values.clientId}
          maxLength={255}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set('clientId', event.target.value)}
          required
        />
        <TextField
          {...field('clientSecret')}
          type="password"
          label={stored ? m.newClientSecret : m.clientSecret}
          description={
            stored
              ? `${hasSecret ? m.hasClientSecret : m.noClientSecret} ${m.clientSecretKeep}`
              : m.clientSecretDescription
          }
          value={values.clientSecret}
          maxLength={500}
          // Never the person's own saved password: this is the provider's secret.
          autoComplete="new-password"
          onChange={(event) => set('clientSecret', event.target.value)}
          required={!stored}
        />
        <TextField
          {...field('scopes')}
          label={m.scopes}
          description={m.scopesDescription}
          value={values.scopes}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set('scopes', event.target.value)}
          required
        />
        <TextField
          {...field('emailClaim')}
          label={m.emailClaim}
          description={m.emailClaimDescription}
          value={values.emailClaim}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set('emailClaim', event.target.value)}
          required
        />
        <TextareaField
          {...field('allowedDomains')}
          label={m.allowedDomains}
          description={m.allowedDomainsDescription}
          value={values.allowedDomains}
          rows={3}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => set('allowedDomains', event.target.value)}
          // Not `required`: the design system's textarea shows an empty required one as wrong
          // before anything was typed.
          aria-required="true"
        />
        <CheckboxGroupField id={`${prefix}-instellingen`} legend={m.settings}>
          <CheckboxField
            id={`${prefix}-aan`}
            label={m.enabled}
            description={m.enabledDescription}
            checked={values.enabled}
            onChange={(checked) => set('enabled', checked)}
          />
          <CheckboxField
            id={`${prefix}-geen-wachtwoord`}
            label={m.passwordSignInDisabled}
            description={m.passwordSignInDisabledDescription}
            checked={values.passwordSignInDisabled}
            onChange={(checked) => set('passwordSignInDisabled', checked)}
          />
          <CheckboxField
            id={`${prefix}-gebruikers-aanmaken`}
            label={m.createUsers}
            description={m.createUsersDescription}
            checked={values.createUsers}
            onChange={(checked) => set('createUsers', checked)}
          />
        </CheckboxGroupField>
        <div className="sbt-row">
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {stored ? t.admin.saveChanges : m.add}
          </Button>
          {props.onCancel && (
            <Button type="button" appearance="secondary-action-button" onClick={props.onCancel}>
              {t.admin.cancel}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}
