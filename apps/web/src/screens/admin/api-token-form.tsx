import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
import { Button, Heading, RadioGroupField, SelectField, TextField } from '../../components/nlds';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { errorFor, generalProblem } from './admin-parts';
import { type Created, endOfDay, type Scope } from './api-token-values';

const NAME_ID = 'token-naam';
const PROGRAMME_ID = 'token-programma';
const SCOPE_ID = 'token-bereik';
const EXPIRY_ID = 'token-verloopt';

export function CreateToken(props: {
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
