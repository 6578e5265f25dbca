import { NOTIFICATION_KINDS } from '../notification-kinds';
import { mailLayout } from './mail-layout';
import { composeDigest, composeMessage, itemLink, type MailItem } from './mail-message';
import { englishInDutch, SAMPLE_ACTION_ID, sampleMailItem } from './mail-samples';

const base = 'https://tracker.example.nl';
const pages = {
  action: (id: string) => `${base}/acties/${id}`,
  progressUpdate: (id: string) => `${base}/acties/${id}/voortgang`,
  reports: () => `${base}/rapportages`,
  webhooks: () => `${base}/beheer/webhooks`,
};
const settings = `${base}/meldingen/voorkeuren`;

const item: MailItem = {
  kind: 'deadline_upcoming',
  reason: 'owner',
  payload: {
    actionTitle: 'Beleidskader <script>alert(1)</script> & "meer"',
    deadline: '2026-12-15',
    ownerOrganisation: 'BZK',
    daysBefore: 3,
  },
  link: `${base}/acties/a1`,
};

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&amp;': '&',
};

/** What a reader of the HTML part reads in one language (tags, comments and entities gone). */
function readable(html: string, language: 'nl' | 'en'): string {
  const parts = [...html.matchAll(new RegExp(`<(div|p) lang="${language}"[^>]*>`, 'g'))].map(
    (match) => {
      const start = match.index + match[0].length;
      const stop = html.indexOf(`lang="${language === 'nl' ? 'en' : 'nl'}"`, start);
      return html.slice(start, stop === -1 ? undefined : stop);
    },
  );
  return parts
    .join(' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity]);
}

/** The link whose text is `name`, as the HTML has it. */
function hrefOf(html: string, name: string): string | undefined {
  const anchor = new RegExp(`<a href="([^"]*)"[^>]*>\\s*${name}\\s*</a>`).exec(html);
  return anchor?.[1];
}

describe('composeMessage', () => {
  it('is Dutch first with an English fallback, naming title, deadline, link and why', async () => {
    const mail = await composeMessage(item, 'nl', settings);
    expect(mail.subject).toBe(
      'Deadline over 3 dagen: Beleidskader <script>alert(1)</script> & "meer"',
    );
    const dutch = mail.text.indexOf('Deadline: 15 december 2026');
    const english = mail.text.indexOf('Deadline: 15 December 2026');
    expect(dutch).toBeGreaterThan(-1);
    expect(english).toBeGreaterThan(dutch);
    expect(mail.text).toContain(`Bekijk de actie: ${base}/acties/a1`);
    expect(mail.text).toContain('U ontvangt dit omdat u eigenaar van deze actie bent.');
    expect(mail.text).toContain('You receive this because you own this action.');
    expect(mail.text).toContain(`stelt u in bij uw meldingsvoorkeuren: ${settings}`);

    expect(mail.html.indexOf('<div lang="nl">')).toBeLessThan(mail.html.indexOf('<div lang="en">'));
    expect(hrefOf(mail.html, 'Bekijk de actie')).toBe(`${base}/acties/a1`);
    expect(hrefOf(mail.html, 'View the action')).toBe(`${base}/acties/a1`);
    expect(hrefOf(mail.html, 'meldingsvoorkeuren')).toBe(settings);
    expect(hrefOf(mail.html, 'notification preferences')).toBe(settings);
  });

  it('puts English first for someone who prefers it', async () => {
    const mail = await composeMessage(item, 'en', settings);
    expect(mail.subject.startsWith('Deadline in 3 days')).toBe(true);
    expect(mail.text.indexOf('15 December 2026')).toBeLessThan(
      mail.text.indexOf('15 december 2026'),
    );
    expect(mail.html).toContain('<html lang="en"');
    expect(mail.html.indexOf('<div lang="en">')).toBeLessThan(mail.html.indexOf('<div lang="nl">'));
    expect(readable(mail.html, 'nl')).toContain('Nederlandse versie');
  });

  it('calls the link of a request for an update by what it asks for', async () => {
    const request: MailItem = {
      ...item,
      kind: 'update_request',
      payload: { ...item.payload, roundTitle: 'Voorjaar', roundDueDate: '2026-12-01' },
      link: `${base}/acties/a1/voortgang`,
    };
    const mail = await composeMessage(request, 'nl', settings);
    expect(mail.text).toContain(`Schrijf de voortgangsupdate: ${base}/acties/a1/voortgang`);
    expect(mail.text).toContain(`Post the progress update: ${base}/acties/a1/voortgang`);
    expect(hrefOf(mail.html, 'Schrijf de voortgangsupdate')).toBe(`${base}/acties/a1/voortgang`);
    expect(mail.text).not.toContain('Bekijk de actie');
  });

  it('escapes what users wrote in the HTML part', async () => {
    const { html } = await composeMessage(item, 'nl', settings);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;meer&quot;');
    expect(html).toContain(
      '<title>Deadline over 3 dagen: Beleidskader &lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });

  it('is built for every reader: language, headings, layout tables, preview text', async () => {
    const { html } = await composeMessage(item, 'nl', settings);
    expect(html).toMatch(/^<!doctype html><html lang="nl"/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(2);
    const tables = html.match(/<table\b[^>]*>/g) ?? [];
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((table) => !table.includes('role="presentation"'))).toEqual([]);
    // The preheader: the first text in the body, hidden, saying more than the subject.
    expect(html).toMatch(
      /<body[^>]*><div style="display:none;[^"]*">Actie: Beleidskader [^<]*· Trekker: BZK · Deadline: 15 december 2026<\/div>/,
    );
    expect(html).toContain('font-size:16px');
    expect(html).not.toMatch(/\{\{\w+\}\}/);
  });

  it.each(NOTIFICATION_KINDS)(
    'renders %s in both languages, the Dutch without English, its button to the web app',
    async (kind) => {
      const sample = sampleMailItem(kind, pages, { actionTitle: 'Plan <script>x()</script>' });
      for (const language of ['nl', 'en'] as const) {
        const mail = await composeMessage(sample, language, settings);
        expect(mail.subject).not.toBe('');
        const [first, second] = mail.text.split('==== ');
        const dutchText = language === 'nl' ? first : second.split('\n-- \n')[0];
        expect(englishInDutch(dutchText)).toEqual([]);
        expect(englishInDutch(readable(mail.html, 'nl'))).toEqual([]);
        expect(readable(mail.html, 'en')).toMatch(/You receive this because/);
        expect(mail.html).not.toContain('<script>');
        expect(mail.html).not.toMatch(/\{\{\w+\}\}/);
        expect(sample.link).toMatch(new RegExp(`^${base}/`));
        expect(mail.html).toContain(`<a href="${sample.link}"`);
        expect(mail.text).toContain(sample.link);
      }
    },
  );

  it('compiles the MJML layout once, not per e-mail', async () => {
    // Its speed (about 0.2 ms a message, 30-180 ms to compile) is in the README, not timed here.
    const layout = mailLayout();
    await composeMessage(item, 'nl', settings);
    await composeMessage(item, 'en', settings);
    expect(mailLayout()).toBe(layout);
  });
});

describe('itemLink', () => {
  it('opens the web app page of what the notification asks for', () => {
    expect(itemLink('deadline_today', 'a1', pages)).toBe(`${base}/acties/a1`);
    expect(itemLink('update_request', 'a1', pages)).toBe(`${base}/acties/a1/voortgang`);
    expect(itemLink('stale', 'a1', pages)).toBe(`${base}/acties/a1/voortgang`);
    expect(itemLink('report_ready', null, pages)).toBe(`${base}/rapportages`);
    expect(itemLink('webhook_disabled', null, pages)).toBe(`${base}/beheer/webhooks`);
    expect(itemLink('mention', null, pages)).toBeNull();
    expect(sampleMailItem('escalation', pages).link).toBe(`${base}/acties/${SAMPLE_ACTION_ID}`);
  });

  it('leaves the button out when there is nothing to open', async () => {
    const mail = await composeMessage({ ...item, link: null }, 'nl', settings);
    expect(hrefOf(mail.html, 'Bekijk de actie')).toBeUndefined();
    expect(mail.text).not.toContain('Bekijk de actie');
  });
});

describe('composeDigest', () => {
  it('lists every item of the day under one subject, each with its heading and button', async () => {
    const second: MailItem = {
      ...item,
      kind: 'overdue',
      payload: { ...item.payload, actionTitle: 'Tweede' },
      link: `${base}/acties/a2`,
    };
    const mail = await composeDigest([item, second], '2026-12-14', 'nl', settings);
    expect(mail.subject).toBe('Uw overzicht van 14 december 2026: 2 meldingen');
    expect(mail.text).toContain('Deadline verstreken: Tweede');
    expect(mail.text).toContain('Overdue: Tweede');
    expect(mail.html).toContain('>Deadline verstreken: Tweede</h2>');
    expect(mail.html).toContain('>Overdue: Tweede</h2>');
    expect(mail.html).toContain(`<a href="${base}/acties/a2"`);
    expect(mail.html.match(/<h1[ >]/g)).toHaveLength(2);
  });

  it('stays small enough for a day of many notifications', async () => {
    const mail = await composeDigest(Array(10).fill(item), '2026-12-14', 'nl', settings);
    // Gmail clips a message over 102 kB; ten items in two languages stay under it.
    expect(Buffer.byteLength(mail.html)).toBeLessThan(102 * 1024);
  });
});
