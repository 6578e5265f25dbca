import { type FormEvent, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { useCopyField } from '../../components/copy-field';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  RadioGroupField,
  SelectField,
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
import { useProgrammes } from '../../components/use-programmes';
import { useProgrammeRole } from '../../components/use-role';
import { type Messages, useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { usePagedList } from '../action/use-paged-list';
import { errorFor, focusSoon, generalProblem, Panel, when, LoadMore } from './admin-parts';

type Token = Schemas['ApiTokenResponse'];
type Scope = Token['scope'];
type Created = Schemas['CreatedApiTokenResponse'];

const NAME_ID = 'token-naam';
const PROGRAMME_ID = 'token-programma';
const SCOPE_ID = 'token-bereik';
const EXPIRY_ID = 'token-verloopt';
const LIST_HEADING_ID = 'tokens-kop';

function stateOf(token: Token, now: number): keyof Messages['admin']['tokenState'] {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

/** "Valid until and including" a day: the token stops at the start of the next day, local time. */
function endOfDay(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const next = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  return Number.isNaN(next.getTime()) ? null : next.toISOString();
}

/**
 * Mijn API-tokens (everyone): the person's own tokens for integrations. A new token's secret
 * is shown once, here, from the answer of the API: it lives in this screen's state only (never
 * in web storage, DESIGN §7) and is gone when the person leaves the page or says they stored it.
 */
export default function ApiTokensScreen() {
  const t = useT();
  usePageTitle(t.admin.apiTokens);
  const programmes = useProgrammes();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [version, setVersion] = useState(0);
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const list = usePagedList<Token>(String(version), async (cursor) => {
    const { data } = await api.GET('/me/api-tokens', { params: { query: { limit: 50, cursor } } });
    return data;
  });
  const reload = () => setVersion((value) => value + 1);
  const programmeName = (id: string) =>
    programmes.find((programme) => programme.id === id)?.name ?? '…';
  const now = Date.now();

  return (
    <>
      <Heading level={1}>{t.admin.apiTokens}</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>{t.admin.apiTokensIntro}</Paragraph>
      <div className="sbt-stack">
        {created && (
          <Secret
            token={created}
            onDone={() => {
              setCreated(null);
              focusSoon(LIST_HEADING_ID);
            }}
          />
        )}
        {revoking && (
          <Revoke
            key={revoking.id}
            token={revoking}
            onErrors={setErrors}
            onCancel={() => {
              setRevoking(null);
              focusSoon(`intrekken-${revoking.id}`);
            }}
            onDone={() => {
              setRevoking(null);
              reload();
              focusSoon(LIST_HEADING_ID);
            }}
          />
        )}

        <section aria-labelledby={LIST_HEADING_ID}>
          <Heading level={2} id={LIST_HEADING_ID} tabIndex={-1}>
            {t.admin.tokensCaption}
          </Heading>
          {list.status === 'failed' && (
            <Alert type="error">
              <Paragraph>{t.admin.loadFailed}</Paragraph>
            </Alert>
          )}
          {list.status === 'loading' && <Paragraph>{t.app.loading}</Paragraph>}
          {list.status === 'loaded' && list.items.length === 0 && (
            <Paragraph>{t.admin.noTokens}</Paragraph>
          )}
          {list.items.length > 0 && (
            <Table>
              <TableCaption>{t.admin.tokensCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.admin.tokenName}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenProgramme}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenScope}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenCreated}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenLastUsed}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenExpires}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.tokenStatus}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.actions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.items.map((token) => {
                  const state = stateOf(token, now);
                  return (
                    <TableRow key={token.id}>
                      <TableHeaderCell scope="row">
                        {token.name}
                        <br />
                        <small>{t.admin.tokenStarts(token.tokenPrefix)}</small>
                      </TableHeaderCell>
                      <TableCell>{programmeName(token.programmeId)}</TableCell>
                      <TableCell>{t.admin.scope[token.scope]}</TableCell>
                      <TableCell>{t.format.dateTime(token.createdAt)}</TableCell>
                      <TableCell>{when(token.lastUsedAt, t.admin.notUsed, t)}</TableCell>
                      <TableCell>{when(token.expiresAt, t.admin.never, t)}</TableCell>
                      <TableCell>{t.admin.tokenState[state]}</TableCell>
                      <TableCell>
                        {state === 'active' && (
                          <Button
                            id={`intrekken-${token.id}`}
                            appearance="secondary-action-button"
                            aria-label={t.admin.revokeToken(token.name)}
                            onClick={() => {
                              setErrors([]);
                              setRevoking(token);
                            }}
                          >
                            {t.admin.revoke}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <LoadMore list={list} />
        </section>

        <CreateToken
          programmes={programmes}
          errors={errors}
          onErrors={setErrors}
          onCreated={(token) => {
            setCreated(token);
            reload();
          }}
        />
      </div>
    </>
  );
}

function CreateToken(props: {
  programmes: Array<{ id: string; name: string }>;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onCreated: (token: Created) => void;
}) {
  const t = useT();
  const announce = useAnnounce();
  const idempotency = useIdempotencyKey();
  const { programmeId: current } = useProgrammeRole();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [scope, setScope] = useState<Scope>('read');
  const [expiry, setExpiry] = useState('');
  const [busy, setBusy] = useState(false);
  const programmeId = chosen || current || props.programmes[0]?.id || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldError[] = [];
    if (!name.trim()) found.push({ fieldId: NAME_ID, message: t.admin.tokenNameRequired });
    else if (name.trim().length > 100)
      found.push({ fieldId: NAME_ID, message: t.admin.tokenNameTooLong });
    if (!programmeId) found.push({ fieldId: PROGRAMME_ID, message: t.admin.programmeRequired });
    const expiresAt = expiry ? endOfDay(expiry) : null;
    if (expiry && !expiresAt) found.push({ fieldId: EXPIRY_ID, message: t.admin.expiryInvalid });
    else if (expiresAt && Date.parse(expiresAt) <= Date.now())
      found.push({ fieldId: EXPIRY_ID, message: t.admin.expiryPast });
    if (found.length > 0) return props.onErrors(found);

    const request = { name: name.trim(), programmeId, scope, ...(expiresAt && { expiresAt }) };
    setBusy(true);
    const result = await api
      .POST('/me/api-tokens', {
        params: { header: { 'Idempotency-Key': idempotency.keyFor(request) } },
        body: request,
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      idempotency.done();
      props.onErrors([]);
      setName('');
      setExpiry('');
      announce(t.admin.tokenCreatedMessage(result.data.name));
      props.onCreated(result.data);
      return;
    }
    const status = result?.response.status;
    const params = result?.error?.invalidParams ?? [];
    if (status === 400 && params.length > 0)
      return props.onErrors(
        params.map((param) =>
          param.name === 'expiresAt'
            ? { fieldId: EXPIRY_ID, message: t.admin.expiryPast }
            : param.name === 'programmeId'
              ? { fieldId: PROGRAMME_ID, message: t.admin.programmeRequired }
              : { fieldId: NAME_ID, message: t.admin.tokenNameRequired },
        ),
      );
    if (status === 404)
      return props.onErrors([{ fieldId: PROGRAMME_ID, message: t.admin.programmeRequired }]);
    props.onErrors([{ message: generalProblem(result?.error, status, t) }]);
  }

  return (
    <section aria-labelledby="token-maken-kop">
      <Heading level={2} id="token-maken-kop">
        {t.admin.createTokenTitle}
      </Heading>
      <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
        <TextField
          id={NAME_ID}
          label={t.admin.tokenName}
          description={t.admin.tokenNameDescription}
          value={name}
          maxLength={100}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
          errorMessage={errorFor(props.errors, NAME_ID)}
          required
        />
        <SelectField
          id={PROGRAMME_ID}
          label={t.admin.tokenProgramme}
          value={programmeId}
          onChange={(event) => setChosen(event.target.value)}
          errorMessage={errorFor(props.errors, PROGRAMME_ID)}
          required
        >
          {props.programmes.map((programme) => (
            <option key={programme.id} value={programme.id}>
              {programme.name}
            </option>
          ))}
        </SelectField>
        <RadioGroupField
          id={SCOPE_ID}
          name="scope"
          legend={t.admin.tokenScope}
          value={scope}
          onChange={(value) => setScope(value === 'write' ? 'write' : 'read')}
          choices={(['read', 'write'] as const).map((value) => ({
            value,
            label: t.admin.scope[value],
            description: t.admin.scopeAbout[value],
          }))}
        />
        <TextField
          id={EXPIRY_ID}
          type="date"
          label={t.admin.tokenExpiry}
          description={t.admin.tokenExpiryDescription}
          value={expiry}
          onChange={(event) => setExpiry(event.target.value)}
          errorMessage={errorFor(props.errors, EXPIRY_ID)}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {t.admin.createToken}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The new token's secret, once, with a copy button and the warning that it is not kept. */
function Secret({ token, onDone }: { token: Created; onDone: () => void }) {
  const t = useT();
  const copy = useCopyField({
    id: 'token-geheim',
    value: token.token,
    copied: t.admin.copied,
    copyFailed: t.admin.copyFailed,
  });
  return (
    <Panel id="token-geheim" title={t.admin.secretTitle}>
      <Alert type="warning">
        <Paragraph>{t.admin.secretWarning}</Paragraph>
      </Alert>
      <div className="sbt-form">
        <TextField {...copy.field} label={t.admin.secretLabel(token.name)} />
        {copy.outcome && <Paragraph>{copy.outcome}</Paragraph>}
        <div className="sbt-row">
          <Button appearance="primary-action-button" onClick={copy.copy}>
            {t.admin.copySecret}
          </Button>
          <Button appearance="secondary-action-button" onClick={onDone}>
            {t.admin.secretDone}
          </Button>
        </div>
      </div>
    </Panel>
  );
}

function Revoke(props: {
  token: Token;
  onErrors: (errors: FieldError[]) => void;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { token } = props;
  const t = useT();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  async function revoke() {
    if (busy) return;
    setBusy(true);
    const result = await api
      .DELETE('/me/api-tokens/{id}', { params: { path: { id: token.id } } })
      .catch(() => null);
    setBusy(false);
    const status = result?.response.status;
    if (status === 204 || status === 404) {
      props.onErrors([]);
      announce(t.admin.tokenRevoked(token.name));
      return props.onDone();
    }
    props.onErrors([{ message: generalProblem(result?.error, status, t) }]);
  }
  return (
    <Panel id="token-intrekken" title={t.admin.revokeTitle(token.name)}>
      <Paragraph>{t.admin.revokeWarning}</Paragraph>
      <div className="sbt-row">
        <Button
          appearance="primary-action-button"
          busy={busy}
          aria-disabled={busy}
          onClick={() => void revoke()}
        >
          {t.admin.confirmRevoke}
        </Button>
        <Button appearance="secondary-action-button" onClick={props.onCancel}>
          {t.admin.cancel}
        </Button>
      </div>
    </Panel>
  );
}
