import type { ReportLanguage } from '../progress/progress-report.model';

/** A count as the letter writes it (`formatNumber` in the letter's language). */
export type NumberText = (value: number) => string;

/**
 * The words of the draft progress letter (a *Kamerbrief*) that the tabular formats do not
 * have: its letterhead, sentences and closing, in Dutch and English. Text in square brackets
 * is for the manager to complete before the letter is sent.
 */
export interface LetterLabels {
  /** The document's title (core properties) and the subject: `Voortgang {programme}`. */
  subject: (programme: string) => string;
  /** The letter's file name stem: `voortgangsbrief`. */
  fileStem: string;
  sender: string;
  addressee: string[];
  date: string;
  reference: string;
  referencePlaceholder: string;
  concerns: string;
  salutation: string;
  intro: (programme: string, from: string, to: string, asOf: string) => string;
  selection: (filters: string) => string;
  /** Each takes the counts and the number format of the letter's language. */
  figures: (total: number, open: number, closed: number, n: NumberText) => string;
  overdue: (count: number, n: NumberText) => string;
  completedInPeriod: (count: number, n: NumberText) => string;
  /** `parts`: the counts by parliamentary status, `2 Openstaand, 1 Voldaan`. */
  trackIntro: (total: number, parts: string, n: NumberText) => string;
  commitments: string;
  commitmentColumn: string;
  kindColumn: string;
  noCommitment: string;
  narratives: string;
  noNarratives: string;
  /** `BZK, 15 november 2026 om 15:30` */
  narrativeBy: (owner: string, at: string) => string;
  closing: string;
  signatory: string;
  namePlaceholder: string;
  annex: string;
  annexIntro: (count: number, n: NumberText) => string;
  draft: string;
}

const NL: LetterLabels = {
  subject: (programme) => `Voortgang ${programme}`,
  fileStem: 'voortgangsbrief',
  sender: '[Ministerie van Binnenlandse Zaken en Koninkrijksrelaties]',
  addressee: [
    'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
    'Postbus 20018',
    '2500 EA Den Haag',
  ],
  date: 'Datum',
  reference: 'Kenmerk',
  referencePlaceholder: '[kenmerk invullen]',
  concerns: 'Betreft',
  salutation: 'Geachte voorzitter,',
  intro: (programme, from, to, asOf) =>
    `Met deze brief informeer ik uw Kamer over de voortgang van ${programme} in de periode ` +
    `van ${from} tot en met ${to}. De stand is die van ${asOf}.`,
  selection: (filters) => `Deze brief gaat over een deel van de acties: ${filters}.`,
  figures: (total, open, closed, n) =>
    `Het programma telt ${n(total)} ${total === 1 ? 'actie' : 'acties'}. Daarvan ` +
    `${closed === 1 ? 'is' : 'zijn'} er ${n(closed)} afgesloten en ${open === 1 ? 'is' : 'zijn'} ` +
    `er ${n(open)} nog open.`,
  overdue: (count, n) =>
    count === 0
      ? 'Geen van de open acties is over de deadline.'
      : `Van de open acties ${count === 1 ? 'is' : 'zijn'} er ${n(count)} over de deadline.`,
  completedInPeriod: (count, n) =>
    `In de periode ${count === 1 ? 'is' : 'zijn'} ${n(count)} ${count === 1 ? 'actie' : 'acties'} ` +
    'afgerond (voldaan of deels voldaan).',
  trackIntro: (total, parts, n) =>
    `Dit spoor telt ${n(total)} ${total === 1 ? 'actie' : 'acties'}: ${parts}.`,
  commitments: 'Stand van de afspraken en toezeggingen',
  commitmentColumn: 'Afspraak',
  kindColumn: 'Soort',
  noCommitment: 'Acties zonder afspraak',
  narratives: 'Laatste voortgang',
  noNarratives: 'Bij de acties van dit spoor is nog geen toelichting gegeven.',
  narrativeBy: (owner, at) => `${owner}, ${at}`,
  closing: 'Hoogachtend,',
  signatory: 'De minister van Binnenlandse Zaken en Koninkrijksrelaties,',
  namePlaceholder: '[naam minister]',
  annex: 'Bijlage: overzicht van acties',
  annexIntro: (count, n) =>
    `Deze bijlage noemt ${count === 1 ? 'de actie' : `alle ${n(count)} acties`} van deze brief ` +
    'met hun stand; de status staat er ook in de termen van de Kamer (Openstaand, Deels ' +
    'voldaan, Voldaan, Vervallen).',
  draft: 'Concept',
};

const EN: LetterLabels = {
  subject: (programme) => `Progress of ${programme}`,
  fileStem: 'progress-letter',
  sender: '[Ministry of the Interior and Kingdom Relations]',
  addressee: [
    'To the Speaker of the House of Representatives of the States General',
    'Postbus 20018',
    '2500 EA Den Haag',
  ],
  date: 'Date',
  reference: 'Reference',
  referencePlaceholder: '[fill in the reference]',
  concerns: 'Subject',
  salutation: 'Dear Speaker,',
  intro: (programme, from, to, asOf) =>
    `With this letter I inform the House of the progress of ${programme} in the period from ` +
    `${from} to ${to}. The figures are those of ${asOf}.`,
  selection: (filters) => `This letter covers part of the actions: ${filters}.`,
  figures: (total, open, closed, n) =>
    `The programme has ${n(total)} ${total === 1 ? 'action' : 'actions'}. Of these, ` +
    `${n(closed)} ${closed === 1 ? 'is' : 'are'} closed and ${n(open)} ${open === 1 ? 'is' : 'are'} ` +
    'still open.',
  overdue: (count, n) =>
    count === 0
      ? 'None of the open actions is overdue.'
      : `Of the open actions, ${n(count)} ${count === 1 ? 'is' : 'are'} overdue.`,
  completedInPeriod: (count, n) =>
    `In the period, ${n(count)} ${count === 1 ? 'action was' : 'actions were'} completed ` +
    '(met or partially met).',
  trackIntro: (total, parts, n) =>
    `This track has ${n(total)} ${total === 1 ? 'action' : 'actions'}: ${parts}.`,
  commitments: 'State of the commitments and pledges',
  commitmentColumn: 'Commitment',
  kindColumn: 'Kind',
  noCommitment: 'Actions without a commitment',
  narratives: 'Latest progress',
  noNarratives: 'No narrative has been given for the actions of this track yet.',
  narrativeBy: (owner, at) => `${owner}, ${at}`,
  closing: 'Yours sincerely,',
  signatory: 'The Minister of the Interior and Kingdom Relations,',
  namePlaceholder: '[name of the minister]',
  annex: 'Annex: overview of the actions',
  annexIntro: (count, n) =>
    `This annex lists ${count === 1 ? 'the action' : `all ${n(count)} actions`} of this letter ` +
    "with their state; the status is also given in parliament's terms (Openstaand, Deels " +
    'voldaan, Voldaan, Vervallen).',
  draft: 'Draft',
};

export function letterLabels(lang: ReportLanguage): LetterLabels {
  return lang === 'en' ? EN : NL;
}
