import { composeDigest, composeMessage, escapeHtml, type MailItem } from './mail-message';

const item: MailItem = {
  kind: 'deadline_upcoming',
  reason: 'owner',
  payload: {
    actionTitle: 'Beleidskader <script>alert(1)</script> & "meer"',
    deadline: '2026-12-15',
    ownerOrganisation: 'BZK',
    daysBefore: 3,
  },
  link: 'https://tracker.example.nl/acties/a1',
};
const settings = 'https://tracker.example.nl/meldingen/voorkeuren';

describe('composeMessage', () => {
  it('is Dutch first with an English fallback, naming title, deadline, link and why', () => {
    const mail = composeMessage(item, 'nl', settings);
    expect(mail.subject).toBe(
      'Deadline over 3 dagen: Beleidskader <script>alert(1)</script> & "meer"',
    );
    const dutch = mail.text.indexOf('Deadline: 15 december 2026');
    const english = mail.text.indexOf('Deadline: 15 December 2026');
    expect(dutch).toBeGreaterThan(-1);
    expect(english).toBeGreaterThan(dutch);
    expect(mail.text).toContain('Bekijk de actie: https://tracker.example.nl/acties/a1');
    expect(mail.text).toContain('U ontvangt dit omdat u eigenaar van deze actie bent.');
    expect(mail.text).toContain('You receive this because you own this action.');
    expect(mail.text).toContain(settings);
  });

  it('puts English first for someone who prefers it', () => {
    const mail = composeMessage(item, 'en', settings);
    expect(mail.subject.startsWith('Deadline in 3 days')).toBe(true);
    expect(mail.text.indexOf('15 December 2026')).toBeLessThan(
      mail.text.indexOf('15 december 2026'),
    );
  });

  it('calls the link of a request for an update by what it asks for', () => {
    const request: MailItem = {
      ...item,
      kind: 'update_request',
      payload: { ...item.payload, roundTitle: 'Voorjaar', roundDueDate: '2026-12-01' },
      link: 'https://tracker.example.nl/acties/a1/voortgang',
    };
    const mail = composeMessage(request, 'nl', settings);
    expect(mail.text).toContain(
      'Schrijf de voortgangsupdate: https://tracker.example.nl/acties/a1/voortgang',
    );
    expect(mail.text).toContain(
      'Post the progress update: https://tracker.example.nl/acties/a1/voortgang',
    );
    expect(mail.html).toContain(
      '<a href="https://tracker.example.nl/acties/a1/voortgang">Schrijf de voortgangsupdate</a>',
    );
    expect(mail.text).not.toContain('Bekijk de actie');
  });

  it('escapes what users wrote in the HTML part', () => {
    const { html } = composeMessage(item, 'nl', settings);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;meer&quot;');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<section lang="en">');
  });
});

describe('composeDigest', () => {
  it('lists every item of the day under one subject', () => {
    const second: MailItem = {
      ...item,
      kind: 'overdue',
      payload: { ...item.payload, actionTitle: 'Tweede' },
    };
    const mail = composeDigest([item, second], '2026-12-14', 'nl', settings);
    expect(mail.subject).toBe('Uw overzicht van 14 december 2026: 2 meldingen');
    expect(mail.text).toContain('Deadline verstreken: Tweede');
    expect(mail.text).toContain('Overdue: Tweede');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
