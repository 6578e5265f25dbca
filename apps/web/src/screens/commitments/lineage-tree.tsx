import { useEffect, useState } from 'react';
import type { Schemas } from '../../api/client';
import { Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '../../components/nlds';
import { useT } from '../../i18n';
import { type Commitment, fetchCommitment } from './use-commitment';

type LineageLink = Schemas['CommitmentLineageResponse'];
type Direction = 'earlier' | 'later';

/** How many steps from this commitment the tree follows; further ones are a click away. */
const DEPTH = 3;

/**
 * The lineage as two small trees of nested lists (screen readers announce the list level;
 * every node is a link): what this commitment builds on, and what later builds on it, each
 * followed a few steps further. The API answers both directions on every commitment
 * (`lineage` and `laterCommitments`), so each further step is one GET of the commitment.
 */
export function LineageSection({ commitment }: { commitment: Commitment }) {
  const t = useT();
  const c = t.commitments;
  const none = commitment.lineage.length === 0 && commitment.laterCommitments.length === 0;
  return (
    <section aria-labelledby="samenhang">
      <Heading level={2} id="samenhang">
        {c.lineageTitle}
      </Heading>
      {none ? (
        <Paragraph>{c.lineageNone}</Paragraph>
      ) : (
        <>
          <Paragraph>{c.lineageIntro}</Paragraph>
          {commitment.lineage.length > 0 && (
            <>
              <Heading level={3} id="bouwt-voort-op">
                {c.earlier}
              </Heading>
              <Branch
                direction="earlier"
                links={commitment.lineage}
                depth={1}
                seen={[commitment.id]}
                labelledBy="bouwt-voort-op"
              />
            </>
          )}
          {commitment.laterCommitments.length > 0 && (
            <>
              <Heading level={3} id="later-voortgebouwd">
                {c.later}
              </Heading>
              <Branch
                direction="later"
                links={commitment.laterCommitments}
                depth={1}
                seen={[commitment.id]}
                labelledBy="later-voortgebouwd"
              />
            </>
          )}
        </>
      )}
    </section>
  );
}

function Branch(props: {
  direction: Direction;
  links: LineageLink[];
  depth: number;
  /** The commitments on the path from the page's one: never shown again below themselves. */
  seen: string[];
  labelledBy?: string;
}) {
  const links = props.links.filter((link) => !props.seen.includes(link.commitmentId));
  if (links.length === 0) return null;
  return (
    <UnorderedList aria-labelledby={props.labelledBy}>
      {links.map((link) => (
        <Node
          key={link.commitmentId}
          direction={props.direction}
          link={link}
          depth={props.depth}
          seen={props.seen}
        />
      ))}
    </UnorderedList>
  );
}

function Node(props: { direction: Direction; link: LineageLink; depth: number; seen: string[] }) {
  const t = useT();
  const { link, direction } = props;
  const relation =
    direction === 'earlier'
      ? t.commitments.relation[link.relation]
      : t.commitments.reverseRelation[link.relation];
  const further = useNeighbours(link.commitmentId, direction, props.depth < DEPTH);
  return (
    <UnorderedListItem>
      {t.commitments.lineageItem(relation)}{' '}
      <Link href={`/toezeggingen/${link.commitmentId}`}>{link.title}</Link>
      {further === 'failed' ? (
        <Paragraph>{t.commitments.deeperFailed}</Paragraph>
      ) : (
        further && (
          <Branch
            direction={direction}
            links={further}
            depth={props.depth + 1}
            seen={[...props.seen, link.commitmentId]}
          />
        )
      )}
    </UnorderedListItem>
  );
}

/** The next step of the lineage from `id` in one direction (undefined: not asked or loading). */
function useNeighbours(
  id: string,
  direction: Direction,
  wanted: boolean,
): LineageLink[] | 'failed' | undefined {
  const [links, setLinks] = useState<LineageLink[] | 'failed' | undefined>(undefined);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void fetchCommitment(id).then((state) => {
      if (!current) return;
      if (state.status !== 'loaded') setLinks(state.status === 'notFound' ? [] : 'failed');
      else
        setLinks(
          direction === 'earlier' ? state.commitment.lineage : state.commitment.laterCommitments,
        );
    });
    return () => {
      current = false;
    };
  }, [id, direction, wanted]);
  return links;
}
