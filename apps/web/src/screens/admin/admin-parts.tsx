import { type ReactNode, useEffect, useRef, useState } from 'react';
import { api, cursorOf, type Problem, type Schemas } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
import { Alert, Button, Heading, Link, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import type { Messages } from '../../i18n';
import { useT } from '../../i18n';
import type { PagedList } from '../action/use-paged-list';

/**
 * What the administration screens share: the "no permission" page, the panel a change is
 * confirmed in, and reading every page of a short list. The API decides who may do what
 * (libs/identity/src/access); these screens only offer what it allows.
 */

/** The page someone sees on an administration screen that is not theirs (the API would say 403). */
export function NoPermission({ title, message }: { title: string; message: string }) {
  const t = useT();
  usePageTitle(title);
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Alert type="warning">
        <Heading level={2}>{t.admin.noPermissionTitle}</Heading>
        <Paragraph>{message}</Paragraph>
      </Alert>
      <Paragraph>
        <Link href="/beheer">{t.admin.toAdmin}</Link>
      </Paragraph>
    </>
  );
}

/** Moves the focus to an element that is about to be shown (after React has rendered it). */
export function focusSoon(id: string): void {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/**
 * "Meer laden" under a paged table. The button goes once the last page is in, so the focus
 * would fall to the page itself (WCAG 2.4.3): the first new row takes it instead (its link,
 * or else its first cell), so keyboard and screen-reader users go on where the list went on.
 */
export function LoadMore({
  list,
}: {
  list: Pick<PagedList<unknown>, 'items' | 'hasMore' | 'loadMore'>;
}) {
  const t = useT();
  const anchor = useRef<HTMLDivElement>(null);
  const from = useRef<number | null>(null);
  useEffect(() => {
    const start = from.current;
    if (start === null || list.items.length <= start) return;
    from.current = null;
    const row = anchor.current?.parentElement?.querySelectorAll('tbody tr')[start];
    const target =
      row?.querySelector<HTMLElement>('a[href]') ?? row?.querySelector<HTMLElement>('th, td');
    if (!target) return;
    if (!target.matches('a[href]')) target.tabIndex = -1;
    target.focus();
  }, [list.items]);
  return (
    <div ref={anchor}>
      {list.hasMore && (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            from.current = list.items.length;
            list.loadMore();
          }}
        >
          {t.admin.loadMore}
        </Button>
      )}
    </div>
  );
}

/**
 * A step of its own on the page: changing a role, confirming a removal, editing a record.
 * Its heading takes the focus when it opens (WCAG 2.4.3), so keyboard and screen-reader
 * users land on what they asked for. A step inside another (removing a user's link while
 * editing the user) gives its heading a lower level.
 */
export function Panel({
  id,
  title,
  level = 2,
  children,
}: {
  id: string;
  title: string;
  level?: 2 | 3 | 4;
  children: ReactNode;
}) {
  useEffect(() => {
    document.getElementById(`${id}-kop`)?.focus();
  }, [id]);
  return (
    <section aria-labelledby={`${id}-kop`} className="sbt-admin-panel">
      <Heading level={level} id={`${id}-kop`} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/**
 * The buttons of a confirmation step: do it (busy while it runs, yet still focusable, so the
 * focus never falls to the page) or cancel.
 */
export function ConfirmButtons(props: {
  label: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <div className="sbt-row">
      <Button
        appearance="primary-action-button"
        busy={props.busy}
        aria-disabled={props.busy}
        onClick={props.onConfirm}
      >
        {props.label}
      </Button>
      <Button appearance="secondary-action-button" onClick={props.onCancel}>
        {t.admin.cancel}
      </Button>
    </div>
  );
}

export const errorFor = (errors: FieldError[], field: string) =>
  errors.find((error) => error.fieldId === field)?.message;

/** The problem of an answer that failed, or a network failure (`undefined`). */
export function generalProblem(
  problem: Problem | undefined,
  status: number | undefined,
  t: Messages,
) {
  if (status === undefined) return t.errors.network;
  if (status === 403) return t.errors.forbidden;
  if (status === 429) return t.errors.tooManyRequests;
  return problem?.detail ?? t.errors.generic;
}

/**
 * The API's password rules (libs/identity Passwords.check, in English for integrators), said
 * in the person's language at the field.
 */
export function passwordProblem(reason: string, t: Messages): string {
  if (/at least/.test(reason)) return t.admin.passwordTooShort;
  if (/at most/.test(reason)) return t.admin.passwordTooLong;
  if (/commonly used/.test(reason)) return t.admin.passwordCommon;
  if (/e-mail/.test(reason)) return t.admin.passwordFromEmail;
  return t.admin.passwordInvalid;
}

/** The browser's check of a new password, before the API's (which also knows common ones). */
export function checkNewPassword(
  password: string,
  repeat: string,
  ids: { password: string; repeat: string },
  t: Messages,
  required: boolean,
): FieldError[] {
  const found: FieldError[] = [];
  if (!password) {
    if (required) found.push({ fieldId: ids.password, message: t.admin.passwordRequired });
    return found;
  }
  if (password.length < 12)
    found.push({ fieldId: ids.password, message: t.admin.passwordTooShort });
  else if (password.length > 128)
    found.push({ fieldId: ids.password, message: t.admin.passwordTooLong });
  if (!repeat) found.push({ fieldId: ids.repeat, message: t.admin.repeatRequired });
  else if (repeat !== password) found.push({ fieldId: ids.repeat, message: t.admin.repeatDiffers });
  return found;
}

/** A plausible e-mail address; the API has the last word. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

export type Organisation = Schemas['OrganisationResponse'];

/** More pages than the platform has organisations; a stop against a runaway loop. */
const MAX_PAGES = 20;

/** Every organisation, by name (a few dozen): the choices of the user form and its filter. */
export function useAllOrganisations(version: number): Organisation[] | null {
  const [organisations, setOrganisations] = useState<Organisation[] | null>(null);
  useEffect(() => {
    let current = true;
    void (async () => {
      const all: Organisation[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const { data } = await api
          .GET('/organisations', { params: { query: { limit: 200, cursor } } })
          .catch(() => ({ data: undefined }));
        if (!data) break;
        all.push(...data.data);
        cursor = cursorOf(data._links.next);
        if (!cursor) break;
      }
      if (current) setOrganisations(all);
    })();
    return () => {
      current = false;
    };
  }, [version]);
  return organisations;
}

/** A date and time as people read it, or a word when there is none. */
export function when(iso: string | null | undefined, none: string, t: Messages): string {
  return iso ? t.format.dateTime(iso) : none;
}
