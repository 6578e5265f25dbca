import {
  asksForProgress,
  type Language,
  type NotificationKind,
  type NotificationPayload,
  type NotificationReason,
} from '../notification-kinds';
import { escapeHtml } from '@app/core';
import { fill, type MailLayout, mailLayout, type TrustedHtml } from './mail-layout';
import { formatDate, notificationText, type NotificationText } from './notification-text';

/** One thing an e-mail tells of: a notification with the link to its action. */
export interface MailItem {
  kind: NotificationKind;
  reason: NotificationReason;
  payload: NotificationPayload;
  /**
   * The page of the web app it opens (the action's, or its progress form when it asks for an
   * update); null for a notification without an action.
   */
  link: string | null;
}

/** The web app's pages an e-mail links to (core's WebAppUrls has them). */
export interface MailPages {
  action(actionId: string): string;
  progressUpdate(actionId: string): string;
  reports(): string;
  webhooks(): string;
}

/**
 * The page a notification's button opens: a request for an update the update form, a
 * finished report the reports page, a switched-off webhook the webhooks page, anything else
 * the action's page; null when there is no action to open.
 */
export function itemLink(
  kind: NotificationKind,
  actionId: string | null,
  pages: MailPages,
): string | null {
  if (kind === 'report_ready') return pages.reports();
  if (kind === 'webhook_disabled') return pages.webhooks();
  if (!actionId) return null;
  return asksForProgress(kind) ? pages.progressUpdate(actionId) : pages.action(actionId);
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const PRODUCT = 'Sterk Bestuur Tracker';

const other = (language: Language): Language => (language === 'nl' ? 'en' : 'nl');

const WORDS = {
  nl: {
    view: 'Bekijk de actie',
    update: 'Schrijf de voortgangsupdate',
    report: 'Naar Rapportages',
    webhooks: 'Naar Webhooks',
    settings: 'Welke meldingen u per e-mail krijgt, hoe vaak en in welke taal, stelt u in bij uw',
    settingsLink: 'meldingsvoorkeuren',
    fallback: 'Nederlandse versie',
    digest: (date: string, count: number) =>
      `Uw overzicht van ${date}: ${count} ${count === 1 ? 'melding' : 'meldingen'}`,
    footer:
      'U krijgt deze e-mail van de Sterk Bestuur Tracker (de afspraken tussen Rijk, gemeenten, provincies en waterschappen), omdat u meldingen per e-mail ontvangt.',
  },
  en: {
    view: 'View the action',
    update: 'Post the progress update',
    report: 'Go to Reports',
    webhooks: 'Go to Webhooks',
    settings:
      'Choose which notifications reach you by e-mail, how often and in which language, in your',
    settingsLink: 'notification preferences',
    fallback: 'English version',
    digest: (date: string, count: number) =>
      `Your summary of ${date}: ${count} ${count === 1 ? 'notification' : 'notifications'}`,
    footer:
      'You get this e-mail from the Sterk Bestuur Tracker (the commitments between the government layers of the Netherlands) because notifications reach you by e-mail.',
  },
};

/** What the link is called: it says where it goes, which is what the notification asks for. */
const linkText = (item: MailItem, language: Language) =>
  item.kind === 'report_ready'
    ? WORDS[language].report
    : item.kind === 'webhook_disabled'
      ? WORDS[language].webhooks
      : asksForProgress(item.kind)
        ? WORDS[language].update
        : WORDS[language].view;

function itemText(item: MailItem, language: Language): NotificationText {
  return notificationText(item.kind, item.reason, item.payload, language);
}

/** One message's heading is its title; a digest's items each have theirs below its heading. */
const ownTitle = (items: readonly MailItem[]) => items.length > 1;

/** The preview a mail client shows after the subject: what the message says beyond it. */
const PREHEADER_LENGTH = 140;
function preheader(items: readonly MailItem[], language: Language): string {
  const parts = ownTitle(items)
    ? items.map((item) => itemText(item, language).title)
    : itemText(items[0], language).lines;
  const text = parts.join(' · ');
  return text.length > PREHEADER_LENGTH ? `${text.slice(0, PREHEADER_LENGTH - 1)}…` : text;
}

function textSection(items: readonly MailItem[], language: Language, heading: string): string {
  const blocks = items.map((item) => {
    const text = itemText(item, language);
    return [
      ...(ownTitle(items) ? [text.title, ''] : []),
      ...text.lines,
      ...(item.link ? [`${linkText(item, language)}: ${item.link}`] : []),
      '',
      text.reason,
    ].join('\n');
  });
  return [heading, '', blocks.join('\n\n----\n\n')].join('\n');
}

function htmlSection(
  layout: MailLayout,
  items: readonly MailItem[],
  language: Language,
  heading: string,
  note: string | null,
): string {
  const blocks = items.map((item, index) => {
    const text = itemText(item, language);
    const lines: TrustedHtml = {
      html: text.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join(''),
    };
    return [
      index > 0 ? layout.itemRule : '',
      ownTitle(items) ? fill(layout.itemHeading, { title: text.title }) : '',
      fill(layout.itemLines, { lines }),
      item.link
        ? fill(layout.itemButton, { link: item.link, linkText: linkText(item, language) })
        : '',
      fill(layout.itemReason, { reason: text.reason }),
    ].join('');
  });
  return [
    fill(layout.language, { lang: language }),
    note === null ? '' : fill(layout.note, { note }),
    fill(layout.heading, { heading }),
    ...blocks,
    layout.languageEnd,
  ].join('');
}

async function compose(
  subject: string,
  headings: Record<Language, string>,
  items: readonly MailItem[],
  language: Language,
  settingsUrl: string,
): Promise<MailContent> {
  const layout = await mailLayout();
  const second = other(language);
  const settings = (lang: Language) =>
    `${WORDS[lang].settings} ${WORDS[lang].settingsLink}: ${settingsUrl}`;
  const text = [
    textSection(items, language, headings[language]),
    '',
    settings(language),
    '',
    `==== ${WORDS[second].fallback} ====`,
    '',
    textSection(items, second, headings[second]),
    '',
    settings(second),
    '',
    '-- ',
    WORDS[language].footer,
  ].join('\n');
  const footer = (lang: Language) =>
    fill(layout.footer, {
      lang,
      footer: WORDS[lang].footer,
      settings: WORDS[lang].settings,
      settingsLink: WORDS[lang].settingsLink,
      settingsUrl,
    });
  const html = [
    fill(layout.start, {
      lang: language,
      subject,
      preheader: preheader(items, language),
      product: PRODUCT,
    }),
    htmlSection(layout, items, language, headings[language], null),
    layout.gap,
    htmlSection(layout, items, second, headings[second], WORDS[second].fallback),
    footer(language),
    footer(second),
    layout.end,
  ].join('');
  return { subject, text, html };
}

/**
 * The e-mail of one notification: in the person's language first (Dutch by default), the
 * other language below as a fallback, plain text and HTML.
 */
export function composeMessage(
  item: MailItem,
  language: Language,
  settingsUrl: string,
): Promise<MailContent> {
  const headings = {
    nl: itemText(item, 'nl').title,
    en: itemText(item, 'en').title,
  };
  return compose(headings[language], headings, [item], language, settingsUrl);
}

/** The daily digest: everything of one person's day in one e-mail. */
export function composeDigest(
  items: readonly MailItem[],
  date: string,
  language: Language,
  settingsUrl: string,
): Promise<MailContent> {
  const headings = {
    nl: WORDS.nl.digest(formatDate(date, 'nl'), items.length),
    en: WORDS.en.digest(formatDate(date, 'en'), items.length),
  };
  return compose(headings[language], headings, items, language, settingsUrl);
}
