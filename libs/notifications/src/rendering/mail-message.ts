import {
  asksForProgress,
  type Language,
  type NotificationKind,
  type NotificationPayload,
  type NotificationReason,
} from '../notification-kinds';
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

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values: titles and comments are user input. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

const other = (language: Language): Language => (language === 'nl' ? 'en' : 'nl');

const WORDS = {
  nl: {
    view: 'Bekijk de actie',
    update: 'Schrijf de voortgangsupdate',
    report: 'Naar Rapportages',
    webhooks: 'Naar Webhooks',
    settings: 'Welke meldingen u per e-mail krijgt, stelt u in via',
    fallback: 'Nederlandse versie',
    digest: (date: string, count: number) =>
      `Uw overzicht van ${date}: ${count} ${count === 1 ? 'melding' : 'meldingen'}`,
    footer: 'Sterk Bestuur Tracker: afspraken tussen Rijk, gemeenten, provincies en waterschappen.',
  },
  en: {
    view: 'View the action',
    update: 'Post the progress update',
    report: 'Go to Reports',
    webhooks: 'Go to Webhooks',
    settings: 'Choose which notifications reach you by e-mail at',
    fallback: 'English version',
    digest: (date: string, count: number) =>
      `Your summary of ${date}: ${count} ${count === 1 ? 'notification' : 'notifications'}`,
    footer:
      'Sterk Bestuur Tracker: the commitments between the government layers of the Netherlands.',
  },
};

/** What the link is called: it opens what the notification asks for. */
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

function htmlSection(items: readonly MailItem[], language: Language, heading: string): string {
  const blocks = items.map((item) => {
    const text = itemText(item, language);
    return [
      ownTitle(items) ? `<h2>${escapeHtml(text.title)}</h2>` : '',
      `<ul>${text.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
      item.link
        ? `<p><a href="${escapeHtml(item.link)}">${escapeHtml(linkText(item, language))}</a></p>`
        : '',
      `<p><small>${escapeHtml(text.reason)}</small></p>`,
    ].join('\n');
  });
  return `<section lang="${language}">\n<h1>${escapeHtml(heading)}</h1>\n${blocks.join('\n<hr>\n')}\n</section>`;
}

function compose(
  subject: string,
  headings: Record<Language, string>,
  items: readonly MailItem[],
  language: Language,
  settingsUrl: string,
): MailContent {
  const second = other(language);
  const settings = (lang: Language) => `${WORDS[lang].settings} ${settingsUrl}`;
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
  const html = `<!DOCTYPE html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body>
${htmlSection(items, language, headings[language])}
<p><small>${escapeHtml(WORDS[language].settings)} <a href="${escapeHtml(settingsUrl)}">${escapeHtml(settingsUrl)}</a></small></p>
<hr>
<p><strong>${escapeHtml(WORDS[second].fallback)}</strong></p>
${htmlSection(items, second, headings[second])}
<p><small>${escapeHtml(WORDS[second].settings)} <a href="${escapeHtml(settingsUrl)}">${escapeHtml(settingsUrl)}</a></small></p>
<p><small>${escapeHtml(WORDS[language].footer)}</small></p>
</body>
</html>
`;
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
): MailContent {
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
): MailContent {
  const headings = {
    nl: WORDS.nl.digest(formatDate(date, 'nl'), items.length),
    en: WORDS.en.digest(formatDate(date, 'en'), items.length),
  };
  return compose(headings[language], headings, items, language, settingsUrl);
}
