import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  RadioGroupField,
  TextField,
} from '../../components/nlds';
import type { ProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { errorFor, generalProblem, looksLikeEmail } from './admin-parts';
import { ROLES } from './member-values';

const EMAIL_ID = 'lid-email';
const ROLE_ID = 'lid-rol';

export function AddMember(props: {
  programmeId: string;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onAdded: () => void;
}) {
  const t = useT();
  const announce = useAnnounce();
  const idempotency = useIdempotencyKey();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProgrammeRole>('viewer');
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    const address = email.trim();
    if (!address) return props.onErrors([{ fieldId: EMAIL_ID, message: t.admin.emailRequired }]);
    if (!looksLikeEmail(address))
      return props.onErrors([{ fieldId: EMAIL_ID, message: t.admin.emailInvalid }]);
    const request = { email: address, role };
    setBusy(true);
    const result = await api
      .POST('/programmes/{id}/members', {
        params: {
          path: { id: props.programmeId },
          header: { 'Idempotency-Key': idempotency.keyFor(request) },
        },
        body: request,
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      idempotency.done();
      const message = t.admin.memberAdded(result.data.displayName, t.role[result.data.role]);
      props.onErrors([]);
      setEmail('');
      setAdded(message);
      announce(message);
      props.onAdded();
      return;
    }
    const problem = result?.error;
    const status = result?.response.status;
    if (status === 409 && problem?.code === 'MEMBER_EXISTS')
      return props.onErrors([{ fieldId: EMAIL_ID, message: t.admin.memberExists }]);
    const params = problem?.invalidParams ?? [];
    if (status === 400 && params.some((param) => param.name === 'email'))
      return props.onErrors([
        {
          fieldId: EMAIL_ID,
          message: params.some((param) => /active user/.test(param.reason))
            ? t.admin.emailUnknown
            : t.admin.emailInvalid,
        },
      ]);
    props.onErrors([{ message: generalProblem(problem, status, t) }]);
  }

  return (
    <section aria-labelledby="lid-toevoegen-kop">
      <Heading level={2} id="lid-toevoegen-kop">
        {t.admin.addMemberTitle}
      </Heading>
      <Paragraph>{t.admin.addMemberIntro}</Paragraph>
      {added && (
        <Alert type="ok">
          <Paragraph>{added}</Paragraph>
        </Alert>
      )}
      <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
        <TextField
          id={EMAIL_ID}
          type="email"
          autoComplete="off"
          label={t.admin.memberEmail}
          description={t.admin.memberEmailDescription}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          errorMessage={errorFor(props.errors, EMAIL_ID)}
          required
        />
        <RadioGroupField
          id={ROLE_ID}
          name="role"
          legend={t.admin.newMemberRole}
          value={role}
          onChange={(value) => setRole(value as ProgrammeRole)}
          choices={ROLES.map((value) => ({
            value,
            label: t.role[value],
            description: t.admin.roleAbout[value],
          }))}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {t.admin.addMember}
          </Button>
        </div>
      </form>
    </section>
  );
}
