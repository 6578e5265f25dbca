import { Link, VisuallyHidden } from '../../components/nlds';
import { useT } from '../../i18n';

/**
 * A figure of the overview as a link to the list of the actions it counts. The link says what
 * it counts ("3 acties: In uitvoering, Risico"), also when read out of its table; the rest of
 * the name is hidden from sight, where the table's headers say it. A zero is no link: it
 * would open an empty list.
 */
export function FigureLink({
  count,
  href,
  what,
}: {
  count: number;
  href: string | null;
  what: string;
}) {
  const t = useT();
  if (count === 0 || href === null) return <>{count}</>;
  return (
    <Link href={href}>
      {count}
      <VisuallyHidden>{t.overview.linkRest(count, what)}</VisuallyHidden>
    </Link>
  );
}
