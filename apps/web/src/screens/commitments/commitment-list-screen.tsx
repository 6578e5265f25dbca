import { type FormEvent, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Heading, Link, Paragraph, SelectField, TextField } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { Results } from './commitment-results';
import {
  type CommitmentKind,
  KINDS,
  mayManageCommitments,
  type Organisation,
  useOrganisations,
} from './use-commitment';
import type { CommitmentQuery } from './use-commitment-page';

const PAGE_SIZE = 20;
/** The address's filter keys (Dutch, like the other screens) and the API's sort keys. */
const FIELDS = ['soort', 'partij', 'zoek', 'sorteer'] as const;
type Field = (typeof FIELDS)[number];
const SORTS: Record<string, string> = {
  '': '-createdAt',
  afgesproken: '-dateAgreed',
  titel: 'title',
};

/**
 * Toezeggingen: the programme's commitments, filtered by kind, party and title, in the order
 * chosen, each with its progress and worst health (the roll-up the list carries). The filters live in the address, so a view can be bookmarked and shared.
 */
export default function CommitmentListScreen() {
  const t = useT();
  usePageTitle(t.commitments.title);
  const { programmeId, role } = useProgrammeRole();
  const organisations = useOrganisations();
  const [params, setParams] = useSearchParams();

  const query = useMemo((): CommitmentQuery | null => {
    if (!programmeId) return null;
    const q: CommitmentQuery = { programme: programmeId, limit: PAGE_SIZE };
    const kind = params.get('soort');
    if (kind && (KINDS as readonly string[]).includes(kind)) q.kind = [kind as CommitmentKind];
    const party = params.get('partij');
    if (party) q.party = party;
    const text = params.get('zoek')?.trim();
    if (text) q.q = text;
    q.sort = SORTS[params.get('sorteer') ?? ''] ?? SORTS[''];
    return q;
  }, [params, programmeId]);

  if (!programmeId) {
    return (
      <>
        <Heading level={1}>{t.commitments.title}</Heading>
        <Paragraph>{t.commitments.noProgramme}</Paragraph>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{t.commitments.title}</Heading>
      <Paragraph>{t.commitments.intro}</Paragraph>
      {mayManageCommitments(role) && (
        <Paragraph>
          <Link href="/toezeggingen/nieuw">{t.commitments.create}</Link>
        </Paragraph>
      )}
      <Filters params={params} organisations={organisations} onApply={setParams} />
      <Results query={query} />
    </>
  );
}

function Filters(props: {
  params: URLSearchParams;
  organisations: Organisation[];
  onApply: (next: URLSearchParams) => void;
}) {
  const t = useT();
  const c = t.commitments;
  const fromAddress = () =>
    Object.fromEntries(FIELDS.map((field) => [field, props.params.get(field) ?? ''])) as Record<
      Field,
      string
    >;
  const [values, setValues] = useState(fromAddress);
  // The fields follow the address (applied, cleared, the back button); the form stays, and
  // with it the focus on the button just pressed.
  const address = props.params.toString();
  const [seen, setSeen] = useState(address);
  if (seen !== address) {
    setSeen(address);
    setValues(fromAddress());
  }
  const set = (field: Field) => (event: { target: EventTarget }) =>
    setValues((current) => ({ ...current, [field]: (event.target as HTMLInputElement).value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const field of FIELDS) if (values[field].trim()) next.set(field, values[field].trim());
    props.onApply(next);
  };
  return (
    <form aria-label={c.filtersTitle} onSubmit={apply} className="sbt-filters">
      <SelectField label={c.kind} id="filter-soort" value={values.soort} onChange={set('soort')}>
        <option value="">{c.anyKind}</option>
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t.commitmentKind[kind]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={c.party}
        id="filter-partij"
        value={values.partij}
        onChange={set('partij')}
      >
        <option value="">{c.anyParty}</option>
        {props.organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={c.search}
        id="filter-zoek"
        type="search"
        value={values.zoek}
        maxLength={200}
        onChange={set('zoek')}
      />
      <SelectField
        label={c.sort}
        id="filter-sorteer"
        value={values.sorteer}
        onChange={set('sorteer')}
      >
        <option value="">{c.sortNewest}</option>
        <option value="afgesproken">{c.sortAgreed}</option>
        <option value="titel">{c.sortTitle}</option>
      </SelectField>
      <div className="sbt-row">
        <Button type="submit" appearance="primary-action-button">
          {c.apply}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => props.onApply(new URLSearchParams())}
        >
          {c.clear}
        </Button>
      </div>
    </form>
  );
}
