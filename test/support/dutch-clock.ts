/**
 * An instant as Excel-NL reads a date-time, `dd-mm-yyyy hh:mm` in Dutch time, worked out with
 * `Intl` on its own: the tests compare the product's CSV with it, not with the product's own
 * formatter.
 */
export function dutchMinute(instant: Date | string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}
