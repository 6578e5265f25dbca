import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { operations } from '../../api/schema';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  Heading,
  Link,
  Paragraph,
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
import { useT } from '../../i18n';
import { ListBody } from '../action/activity-sections';
import { type Member, useMembers } from '../action/use-members';
import { type Names, useNames } from '../action/use-names';
import { usePagedList } from '../action/use-paged-list';
import { isDate, nextDay, startOfDayInAmsterdam } from './amsterdam';
import {
  actorInWords,
  type AuditEvent,
  type AuditOperation,
  ENTITY_TYPES,
  OPERATIONS,
  wordFor,
} from './audit-words';
import { ChainCheck } from './chain-check';
import { ExportButton } from './export-button';
import { ProgrammeChoice, useAdminProgramme } from './programme-choice';

const PAGE = 50;

/** The filters as the URL keeps them (so a link, a reload and "back" show the same list). */
interface Filters {
  van: string;
  tot: string;
  wie: string;
  onderwerp: string;
  handeling: string;
}
const KEYS: readonly (keyof Filters)[] = ['van', 'tot', 'wie', 'onderwerp', 'handeling'];

export type AuditQuery = Omit<
  NonNullable<operations['auditEventsList']['parameters']['query']>,
  'limit' | 'cursor'
>;

/** The API's filters for these (valid) filters, in the programme chosen (none: all). */
export function auditQuery(filters: Filters, programmeId: string | null): AuditQuery {
  return {
    ...(programmeId && { programme: programmeId }),
    ...(filters.van && { occurredFrom: startOfDayInAmsterdam(filters.van) }),
    ...(filters.tot && { occurredTo: startOfDayInAmsterdam(nextDay(filters.tot)) }),
    ...(filters.wie && { actor: filters.wie }),
    ...(filters.onderwerp && { entityType: filters.onderwerp }),
    ...(filters.handeling && { operation: filters.handeling as AuditOperation }),
  };
}

function filtersOf(params: URLSearchParams): Filters {
  const filters = Object.fromEntries(
    KEYS.map((key) => [key, params.get(key) ?? '']),
  ) as unknown as Filters;
  if (filters.van && !isDate(filters.van)) filters.van = '';
  if (filters.tot && !isDate(filters.tot)) filters.tot = '';
  return filters;
}

/** Auditlog: every change in the programme, filtered, with an event's detail and the chain check. */
export default function AuditScreen() {
  const t = useT();
  usePageTitle(t.adminOps.audit);
  const { programmeId, isCoordinator, isPlatformAdmin } = useAdminProgramme();
  const mayRead = isPlatformAdmin || (isCoordinator && programmeId !== null);
  return (
    <>
      <Heading level={1}>{t.adminOps.audit}</Heading>
      <Paragraph>{t.adminOps.auditIntro}</Paragraph>
      {mayRead ? (
        <>
          <ProgrammeChoice emptyLabel={t.adminOps.allEvents} />
          {programmeId === null ? (
            <AuditLog programmeId={null} names={NO_NAMES} members={[]} />
          ) : (
            <ProgrammeAuditLog key={programmeId} programmeId={programmeId} />
          )}
          <ChainCheck />
        </>
      ) : (
        <Alert type="info">
          <Paragraph>{t.adminOps.auditCoordinatorsOnly}</Paragraph>
        </Alert>
      )}
    </>
  );
}

/** The names of the programme's people; outside a programme (a platform administrator's "all"), none. */
function ProgrammeAuditLog({ programmeId }: { programmeId: string }) {
  const names = useNames(programmeId);
  const members = useMembers(programmeId);
  return (
    <AuditLog
      programmeId={programmeId}
      names={names}
      members={members.status === 'loaded' ? members.members : []}
    />
  );
}

const NO_NAMES: Names = {
  person: () => undefined,
  organisation: () => undefined,
  track: () => undefined,
};

function AuditLog({
  programmeId,
  names,
  members,
}: {
  programmeId: string | null;
  names: Names;
  members: Member[];
}) {
  const t = useT();
  const o = t.adminOps;
  const [params, setParams] = useSearchParams();
  const applied = filtersOf(params);
  const [values, setValues] = useState<Filters>(applied);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const appliedKey = KEYS.map((key) => applied[key]).join('|');
  useEffect(() => setValues(filtersOf(params)), [appliedKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const query = auditQuery(applied, programmeId);
  const list = usePagedList<AuditEvent>(`${programmeId}|${appliedKey}`, (cursor) =>
    api
      .GET('/audit-events', { params: { query: { ...query, limit: PAGE, cursor } } })
      .then(({ data, response }) => {
        if (response.status === 400) setErrors([{ message: o.filterRefused }]);
        return data;
      }),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  useEffect(() => {
    if (!focusResults.current || list.status === 'loading') return;
    focusResults.current = false;
    heading.current?.focus();
  }, [list.status]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const found: FieldError[] = [];
    if (values.van && !isDate(values.van)) found.push({ fieldId: 'van', message: o.dateInvalid });
    if (values.tot && !isDate(values.tot)) found.push({ fieldId: 'tot', message: o.dateInvalid });
    if (found.length === 0 && values.van && values.tot && values.tot < values.van)
      found.push({ fieldId: 'tot', message: o.toBeforeFrom });
    setErrors(found);
    if (found.length > 0) return;
    const next = new URLSearchParams(params);
    for (const key of KEYS) {
      if (values[key]) next.set(key, values[key]);
      else next.delete(key);
    }
    focusResults.current = true;
    setParams(next);
  }

  const set = (key: keyof Filters) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }));
  const errorFor = (field: string) => errors.find((error) => error.fieldId === field)?.message;
  const detailSearch = params.toString() ? `?${params.toString()}` : '';

  return (
    <>
      <ErrorSummary errors={errors} />
      <form noValidate onSubmit={apply} aria-label={o.filterLabel}>
        <div className="sbt-filters">
          <TextField
            id="van"
            type="date"
            label={o.from}
            errorMessage={errorFor('van')}
            value={values.van}
            onChange={(event) => set('van')(event.target.value)}
          />
          <TextField
            id="tot"
            type="date"
            label={o.to}
            errorMessage={errorFor('tot')}
            value={values.tot}
            onChange={(event) => set('tot')(event.target.value)}
          />
          <SelectField
            id="wie"
            label={o.actor}
            value={values.wie}
            onChange={(event) => set('wie')(event.target.value)}
          >
            <option value="">{o.anyone}</option>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.displayName}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="onderwerp"
            label={o.entityType}
            value={values.onderwerp}
            onChange={(event) => set('onderwerp')(event.target.value)}
          >
            <option value="">{o.anything}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {wordFor(o.entityTypes, type)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="handeling"
            label={o.operation}
            value={values.handeling}
            onChange={(event) => set('handeling')(event.target.value)}
          >
            <option value="">{o.anyOperation}</option>
            {OPERATIONS.map((operation) => (
              <option key={operation} value={operation}>
                {wordFor(o.operations, operation)}
              </option>
            ))}
          </SelectField>
          <Button type="submit" appearance="secondary-action-button">
            {o.filter}
          </Button>
        </div>
      </form>
      <Heading level={2} id="gebeurtenissen" ref={heading} tabIndex={-1}>
        {o.events}
      </Heading>
      <ExportButton query={query} />
      <ListBody list={list} empty={o.noEvents}>
        {(items) => (
          <Table>
            <TableCaption>{o.eventsCaption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{o.sequence}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.occurredAt}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.actor}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.operation}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.entityType}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.result}</TableHeaderCell>
                <TableHeaderCell scope="col">{o.changedFields}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((event) => (
                <TableRow key={event.sequence}>
                  <TableHeaderCell scope="row">
                    <Link href={`/beheer/audit/${event.sequence}${detailSearch}`}>
                      <span className="sbt-visually-hidden">{o.eventLinkPrefix} </span>#
                      {event.sequence}
                    </Link>
                  </TableHeaderCell>
                  <TableCell>
                    <time dateTime={event.occurredAt}>{t.format.dateTime(event.occurredAt)}</time>
                  </TableCell>
                  <TableCell>{actorInWords(t, names, event.actor)}</TableCell>
                  <TableCell>{wordFor(o.operations, event.operation)}</TableCell>
                  <TableCell>{wordFor(o.entityTypes, event.entityType)}</TableCell>
                  <TableCell>{wordFor(o.results, event.result)}</TableCell>
                  <TableCell>
                    {event.changes ? Object.keys(event.changes).join(', ') : o.noValue}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </ListBody>
    </>
  );
}
