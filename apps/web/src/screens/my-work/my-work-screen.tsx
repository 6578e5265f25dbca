import { Fragment, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Heading, Paragraph } from '../../components/nlds';
import { amsterdamDay } from '../../components/amsterdam-day';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { useMe, useSession } from '../../session/session';
import { ActionSection } from './action-section';
import { Filters, HEALTHS, KINDS, STATUSES } from './my-work-filters';
import { RequestedSection } from './requested-section';
import type { ActionQuery } from './use-action-page';

const PAGE_SIZE = 10;
/** `?van=` in the address: mine, my organisation's, or where my organisation is a partner. */
const SCOPES: Record<string, 'mine' | 'organisation' | 'partner'> = {
  '': 'mine',
  organisatie: 'organisation',
  partner: 'partner',
};
const OPEN = ['not_started', 'in_progress'] as ActionQuery['status'];

/**
 * Mijn werk: the home screen of an action owner or liaison. Filters live in the address, so
 * a filtered view can be bookmarked and the back button works.
 */
export function MyWorkScreen() {
  const t = useT();
  usePageTitle(t.myWork.title);
  const me = useMe();
  const { programmeId } = useSession();
  const [params, setParams] = useSearchParams();
  const scope = SCOPES[params.get('van') ?? ''] ?? 'mine';

  const filters = useMemo(() => {
    const query: ActionQuery = { limit: PAGE_SIZE };
    if (programmeId) query.programme = programmeId;
    if (scope === 'mine') query.ownerUser = 'me';
    else if (scope === 'partner') query.partnerOrganisation = me.organisation.id;
    else query.ownerOrganisation = me.organisation.id;
    const track = params.get('spoor');
    if (track) query.track = track;
    const status = params.get('status');
    if (status && (STATUSES as readonly string[]).includes(status))
      query.status = [status as (typeof STATUSES)[number]];
    const health = params.get('gezondheid');
    if (health && (HEALTHS as readonly string[]).includes(health))
      query.health = [health as (typeof HEALTHS)[number]];
    const kind = params.get('soort');
    if (kind && (KINDS as readonly string[]).includes(kind))
      query.commitmentKind = kind as (typeof KINDS)[number];
    const q = params.get('zoek');
    if (q) query.q = q;
    const sort = params.get('sorteer');
    if (sort === 'updatedAt' || sort === 'title')
      query.sort = sort === 'updatedAt' ? '-updatedAt' : 'title';
    return query;
  }, [params, programmeId, scope, me.organisation.id]);

  const since = me.previousLoginAt ?? null;
  const sections: Array<{ id: string; title: string; query: ActionQuery }> = [
    { id: 'te-laat', title: t.myWork.overdue, query: { ...filters, overdue: true } },
    {
      id: 'binnenkort',
      title: t.myWork.dueSoon,
      query: {
        ...filters,
        overdue: false,
        status: filters.status ?? OPEN,
        deadlineFrom: amsterdamDay(),
        deadlineTo: amsterdamDay(14),
      },
    },
    {
      id: 'gewijzigd',
      title: since ? t.myWork.changed : t.myWork.changedRecently,
      query: {
        ...filters,
        updatedSince: since ?? new Date(Date.now() - 14 * 86_400_000).toISOString(),
        sort: filters.sort ?? '-updatedAt',
      },
    },
  ];

  if (!programmeId) {
    return (
      <>
        <Heading level={1}>{t.myWork.title}</Heading>
        <Paragraph>{t.myWork.noProgramme}</Paragraph>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{t.myWork.title}</Heading>
      <Paragraph>{t.myWork.intro}</Paragraph>
      <Filters
        params={params}
        organisation={me.organisation.code}
        programmeId={programmeId}
        onApply={(next) => setParams(next)}
      />
      {sections.map((section, index) => (
        <Fragment key={section.id}>
          {/* Update rounds ask owners, not partners. */}
          {index === 2 && scope !== 'partner' && (
            <RequestedSection
              programmeId={programmeId}
              scope={
                scope === 'mine' ? { ownerUser: 'me' } : { ownerOrganisation: me.organisation.id }
              }
            />
          )}
          <ActionSection id={section.id} title={section.title} query={section.query} />
        </Fragment>
      ))}
    </>
  );
}
