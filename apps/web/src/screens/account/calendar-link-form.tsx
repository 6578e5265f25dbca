import { type FormEvent, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { CopyField } from '../../components/copy-field';
import type { FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  SelectField,
  TextField,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { useProgrammeRole } from '../../components/use-role';
import { type Messages, useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { errorFor, Panel } from '../admin/admin-parts';

export type CreatedLink = Schemas['CreatedCalendarLinkResponse'];

const NAME_ID = 'agendalink-naam';
const PROGRAMME_ID = 'agendalink-programma';

/** A failure that is about no field: said in the person's language, never the API's English. */
function problemOf(status: number | undefined, t: Messages): string {
  if (status === undefined) return t.errors.network;
  if (status === 403) return t.errors.forbidden;
  if (status === 429) return t.errors.tooManyRequests;
  return t.errors.generic;
}

/** Making a calendar link: a name and one of the person's programmes. */
export function CreateCalendarLink(props: {
  programmes: Array<{ id: string; name: string }>;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onCreated: (link: CreatedLink) => void;
  /** Something changed in the list without a new address to show. */
  onListChanged: () => void;
}) {
  const t = useT();
  const m = t.calendarLinks;
  const announce = useAnnounce();
  const idempotency = useIdempotencyKey();
  const { programmeId: current } = useProgrammeRole();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const isMine = (id: string | null) => props.programmes.some((programme) => programme.id === id);
  const programmeId =
    (isMine(chosen) ? chosen : null) ??
    (isMine(current) ? current : null) ??
    props.programmes[0]?.id ??
    '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldError[] = [];
    if (!name.trim()) found.push({ fieldId: NAME_ID, message: m.nameRequired });
    else if (name.trim().length > 100) found.push({ fieldId: NAME_ID, message: m.nameTooLong });
    if (!programmeId) found.push({ fieldId: PROGRAMME_ID, message: m.programmeRequired });
    if (found.length > 0) return props.onErrors(found);

    const request = { name: name.trim(), programmeId };
    setBusy(true);
    const result = await api
      .POST('/me/calendar-links', {
        params: { header: { 'Idempotency-Key': idempotency.keyFor(request) } },
        body: request,
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      idempotency.done();
      setName('');
      // A repeated answer (the same attempt sent again) leaves the address out: it is shown once.
      if (!result.data.url) {
        props.onListChanged();
        return props.onErrors([{ message: m.addressLost }]);
      }
      props.onErrors([]);
      announce(m.createdMessage(result.data.name));
      props.onCreated(result.data);
      return;
    }
    const status = result?.response.status;
    const problem = result?.error;
    const params = problem?.invalidParams ?? [];
    if (status === 400 && params.length > 0)
      return props.onErrors(
        params.map((param) =>
          param.name === 'programmeId'
            ? { fieldId: PROGRAMME_ID, message: m.programmeRequired }
            : {
                fieldId: NAME_ID,
                message: /at most|longer/.test(param.reason) ? m.nameTooLong : m.nameRequired,
              },
        ),
      );
    if (status === 404) return props.onErrors([{ fieldId: PROGRAMME_ID, message: m.notAMember }]);
    if (status === 409) {
      if (problem?.code === 'IDEMPOTENCY_KEY_IN_FLIGHT')
        return props.onErrors([{ message: m.busy }]);
      if (problem?.code === 'IDEMPOTENCY_KEY_USED') {
        // Made before, but the answer with the address is gone.
        idempotency.done();
        props.onListChanged();
        return props.onErrors([{ message: m.addressLost }]);
      }
      return props.onErrors([{ message: m.tooMany }]);
    }
    props.onErrors([{ message: problemOf(status, t) }]);
  }

  return (
    <div>
      <Heading level={3} id="agendalink-maken-kop">
        {m.createTitle}
      </Heading>
      <form
        noValidate
        aria-labelledby="agendalink-maken-kop"
        onSubmit={(event) => void submit(event)}
        className="sbt-form"
      >
        <TextField
          id={NAME_ID}
          label={m.name}
          description={m.nameDescription}
          value={name}
          maxLength={100}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
          errorMessage={errorFor(props.errors, NAME_ID)}
          required
        />
        <SelectField
          id={PROGRAMME_ID}
          label={m.programme}
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
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {m.create}
          </Button>
        </div>
      </form>
    </div>
  );
}

/**
 * The new link's address, once: a read-only field with a copy button (or, without a clipboard,
 * the address selected for Ctrl+C) and a line per calendar app on where to paste it.
 */
export function NewCalendarLink({ link, onDone }: { link: CreatedLink; onDone: () => void }) {
  const m = useT().calendarLinks;
  return (
    <Panel id="agendalink-nieuw" title={m.newTitle} level={3}>
      <Alert type="warning">
        <Paragraph>{m.newWarning}</Paragraph>
      </Alert>
      <div className="sbt-stack">
        <CopyField
          id="agendalink-adres"
          label={m.address(link.name)}
          value={link.url}
          copyLabel={m.copy}
          copied={m.copied}
          copyFailed={m.copyFailed}
          appearance="primary-action-button"
          showOutcome
        />
        <Heading level={4}>{m.howTitle}</Heading>
        <UnorderedList>
          <UnorderedListItem>{m.howOutlook}</UnorderedListItem>
          <UnorderedListItem>{m.howGoogle}</UnorderedListItem>
          <UnorderedListItem>{m.howApple}</UnorderedListItem>
        </UnorderedList>
        <Paragraph>{m.refresh}</Paragraph>
        <div>
          <Button appearance="secondary-action-button" onClick={onDone}>
            {m.done}
          </Button>
        </div>
      </div>
    </Panel>
  );
}
