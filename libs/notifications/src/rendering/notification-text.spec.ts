import { NOTIFICATION_KINDS, NOTIFICATION_REASONS } from '../notification-kinds';
import { englishInDutch, sampleMailItem } from './mail-samples';
import { dutchEscalationLevel, notificationText } from './notification-text';

const pages = {
  action: (id: string) => `https://tracker.example.nl/acties/${id}`,
  progressUpdate: (id: string) => `https://tracker.example.nl/acties/${id}/voortgang`,
  reports: () => 'https://tracker.example.nl/rapportages',
  webhooks: () => 'https://tracker.example.nl/beheer/webhooks',
};

const words = (text: { title: string; lines: string[]; reason: string }) =>
  [text.title, ...text.lines, text.reason].join('\n');

describe('notificationText', () => {
  it.each(NOTIFICATION_KINDS)('says %s in Dutch without an English word or a code', (kind) => {
    const item = sampleMailItem(kind, pages);
    for (const reason of NOTIFICATION_REASONS) {
      const text = notificationText(kind, reason, item.payload, 'nl');
      expect(text.title).not.toBe('');
      expect(englishInDutch(words(text))).toEqual([]);
    }
  });

  it.each(NOTIFICATION_KINDS)('says %s in English too', (kind) => {
    const item = sampleMailItem(kind, pages);
    const text = notificationText(kind, item.reason, item.payload, 'en');
    expect(text.title).not.toBe('');
    expect(text.reason).toMatch(/^You receive this because/);
  });

  it.each([
    ['official', 'Geëscaleerd naar ambtelijk niveau', 'voor het ambtelijke niveau.'],
    ['administrative', 'Geëscaleerd naar bestuurlijk niveau', 'voor het bestuurlijke niveau.'],
    ['overhedenoverleg', 'Geëscaleerd naar het Overhedenoverleg', 'voor het Overhedenoverleg.'],
  ])('names the %s level in Dutch words', (level, title, reason) => {
    const text = notificationText('escalation', 'escalation_contact', { level }, 'nl');
    expect(text.title).toBe(`${title}: `);
    expect(text.reason).toBe(
      `U ontvangt dit omdat u in de escalatieladder contactpersoon bent ${reason}`,
    );
    expect(englishInDutch(words(text))).toEqual([]);
  });

  it('says where a de-escalated action came from', () => {
    const text = notificationText(
      'de_escalation',
      'escalation_contact',
      { actionTitle: 'A', previousLevel: 'overhedenoverleg' },
      'nl',
    );
    expect(text.lines).toContain(
      'De actie was geëscaleerd naar het Overhedenoverleg en is weer op koers of afgesloten.',
    );
    expect(text.reason).toContain('contactpersoon bent voor het Overhedenoverleg.');
  });

  it('names a status as the web app does', () => {
    const met = notificationText(
      'status_changed',
      'owner',
      { actionTitle: 'A', status: 'met' },
      'nl',
    );
    expect(met.title).toBe('Status gewijzigd naar Gerealiseerd: A');
    const en = notificationText(
      'status_changed',
      'owner',
      { actionTitle: 'A', status: 'met' },
      'en',
    );
    expect(en.title).toBe('Status changed to Met: A');
  });

  it('never shows a level code, even an unknown one', () => {
    expect(dutchEscalationLevel('ministerial')).toBe('een hoger niveau');
    expect(dutchEscalationLevel(null, 'the')).toBe('een hoger niveau');
  });
});

describe('englishInDutch', () => {
  it('finds the half-English sentences the e-mails used to have', () => {
    expect(englishInDutch('Escalatie naar official niveau')).toEqual(['official']);
    expect(englishInDutch('Geëscaleerd naar Overhedenoverleg niveau')).toEqual([
      'Overhedenoverleg niveau',
    ]);
    expect(englishInDutch('contactpersoon voor het bestuurlijk niveau')).toEqual([
      'het bestuurlijk niveau',
    ]);
    expect(englishInDutch('Geëscaleerd naar bestuurlijk niveau: Actie')).toEqual([]);
  });
});
