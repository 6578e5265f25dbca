import { useEffect, useRef, useState } from 'react';
import { api, cursorOf, type Schemas } from '../../api/client';
import type { Action } from '../../components/action-table';
import {
  Button,
  CheckboxField,
  CheckboxGroupField,
  Paragraph,
  TextField,
  SelectField,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds';
import { useT } from '../../i18n';

type Status = 'not_started' | 'in_progress';
const OPEN: readonly Status[] = ['not_started', 'in_progress'];
const PAGE = 100;

interface Narrowing {
  q: string;
  track: string;
  ownerOrganisation: string;
  status: Status | '';
}

/** The tracks of the programme and all organisations, for the filter's choices. */
function useChoices(programmeId: string) {
  const [choices, setChoices] = useState<{
    tracks: Schemas['TrackResponse'][];
    organisations: Schemas['OrganisationResponse'][];
  }>({ tracks: [], organisations: [] });
  useEffect(() => {
    let current = true;
    void Promise.all([
      api
        .GET('/programmes/{id}/tracks', {
          params: { path: { id: programmeId }, query: { limit: 200 } },
        })
        .catch(() => ({ data: undefined })),
      api
        .GET('/organisations', { params: { query: { limit: 200 } } })
        .catch(() => ({ data: undefined })),
    ]).then(([tracks, organisations]) => {
      if (current)
        setChoices({
          tracks: tracks.data?.data ?? [],
          organisations: [...(organisations.data?.data ?? [])].sort((a, b) =>
            a.name.localeCompare(b.name, 'nl'),
          ),
        });
    });
    return () => {
      current = false;
    };
  }, [programmeId]);
  return choices;
}

/**
 * Which actions a round asks: the open actions of the programme, narrowed by track, owner
 * organisation and status, each with a checkbox, and one to choose all those shown. What is
 * chosen stays chosen when the filter changes, so a round can gather actions of several tracks.
 */
export function ActionPicker(props: {
  id: string;
  programmeId: string;
  chosen: ReadonlyMap<string, string>;
  onChange: (chosen: Map<string, string>) => void;
  errorMessage?: string;
}) {
  const t = useT();
  const { tracks, organisations } = useChoices(props.programmeId);
  const [draft, setDraft] = useState<Narrowing>({
    q: '',
    track: '',
    ownerOrganisation: '',
    status: '',
  });
  const [applied, setApplied] = useState<Narrowing>(draft);
  const [actions, setActions] = useState<Action[]>([]);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<'loading' | 'loaded' | 'failed'>('loading');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  // When the last page comes, "more" goes: the sentence counting them takes the focus.
  const counted = useRef<HTMLParagraphElement>(null);
  const focusWhenLoaded = useRef(false);

  useEffect(() => {
    let current = true;
    setStatus('loading');
    void api
      .GET('/actions', {
        params: {
          query: {
            programme: props.programmeId,
            status: applied.status ? [applied.status] : [...OPEN],
            ...(applied.q.trim() && { q: applied.q.trim() }),
            ...(applied.track && { track: applied.track }),
            ...(applied.ownerOrganisation && { ownerOrganisation: applied.ownerOrganisation }),
            sort: 'title',
            limit: PAGE,
            cursor,
          },
        },
      })
      .catch(() => ({ data: undefined }))
      .then(({ data }) => {
        if (!current) return;
        if (!data) {
          setStatus('failed');
          return;
        }
        setActions((shown) => (cursor ? [...shown, ...data.data] : data.data));
        setNext(cursorOf(data._links.next));
        setStatus('loaded');
        if (focusWhenLoaded.current && !data._links.next) counted.current?.focus();
        focusWhenLoaded.current = false;
      });
    return () => {
      current = false;
    };
  }, [props.programmeId, applied, cursor]);

  const { chosen } = props;
  const allShownChosen = actions.length > 0 && actions.every((action) => chosen.has(action.id));
  const choose = (list: Action[], on: boolean) => {
    const nextChosen = new Map(chosen);
    for (const action of list) {
      if (on) nextChosen.set(action.id, action.title);
      else nextChosen.delete(action.id);
    }
    props.onChange(nextChosen);
  };
  const set = (field: keyof Narrowing) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  return (
    <CheckboxGroupField
      id={props.id}
      legend={t.updateRounds.actionsLegend}
      description={t.updateRounds.actionsDescription}
      errorMessage={props.errorMessage}
    >
      <div className="sbt-filters" role="group" aria-label={t.updateRounds.narrowTitle}>
        <TextField
          id="ronde-filter-zoek"
          type="search"
          label={t.updateRounds.search}
          value={draft.q}
          maxLength={200}
          onChange={set('q')}
          // Enter in the search box shows the actions; it does not start the round.
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            setCursor(undefined);
            setApplied({ ...draft });
          }}
        />
        <SelectField
          id="ronde-filter-spoor"
          label={t.updateRounds.track}
          value={draft.track}
          onChange={set('track')}
        >
          <option value="">{t.updateRounds.any}</option>
          {tracks.map((track) => (
            <option key={track.id} value={track.id}>
              {track.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="ronde-filter-trekker"
          label={t.updateRounds.ownerOrganisation}
          value={draft.ownerOrganisation}
          onChange={set('ownerOrganisation')}
        >
          <option value="">{t.updateRounds.any}</option>
          {organisations.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="ronde-filter-status"
          label={t.updateRounds.status}
          value={draft.status}
          onChange={set('status')}
        >
          <option value="">{t.updateRounds.anyOpen}</option>
          {OPEN.map((value) => (
            <option key={value} value={value}>
              {t.status[value]}
            </option>
          ))}
        </SelectField>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => {
            setCursor(undefined);
            setApplied({ ...draft });
          }}
        >
          {t.updateRounds.narrow}
        </Button>
      </div>
      <Paragraph aria-live="polite" ref={counted} tabIndex={-1}>
        {status === 'loading'
          ? t.app.loading
          : status === 'failed'
            ? t.updateRounds.actionsFailed
            : t.updateRounds.shownAndChosen(actions.length, next !== undefined, chosen.size)}
      </Paragraph>
      {actions.length > 0 && (
        <>
          <CheckboxField
            id={`${props.id}-alle`}
            label={t.updateRounds.chooseAllShown(actions.length)}
            checked={allShownChosen}
            onChange={(on) => choose(actions, on)}
          />
          <div className="sbt-table-scroll">
            <Table>
              <TableCaption className="sbt-visually-hidden">
                {t.updateRounds.actionsLegend}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.actionTable.title}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.actionTable.owner}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.actionTable.status}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.actionTable.deadline}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {actions.map((action) => (
                  <TableRow key={action.id}>
                    <TableCell>
                      <CheckboxField
                        id={`ronde-actie-${action.id}`}
                        label={action.title}
                        checked={chosen.has(action.id)}
                        onChange={(on) => choose([action], on)}
                      />
                    </TableCell>
                    <TableCell>{action.ownerOrganisation.name}</TableCell>
                    <TableCell>{t.status[action.status]}</TableCell>
                    <TableCell>{t.format.date(action.deadline)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
      {(next || (cursor && status === 'loading')) && (
        <div>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={status === 'loading'}
            aria-disabled={status === 'loading'}
            onClick={() => {
              if (status === 'loading') return;
              focusWhenLoaded.current = true;
              setCursor(next);
            }}
          >
            {t.updateRounds.moreActions}
          </Button>
        </div>
      )}
    </CheckboxGroupField>
  );
}
