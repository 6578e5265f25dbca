import type {
  Language,
  NotificationKind,
  NotificationPayload,
  NotificationReason,
} from '../notification-kinds';

/** A notification in words: a title and a few lines. Plain text; HTML escapes it. */
export interface NotificationText {
  title: string;
  lines: string[];
  reason: string;
}

/** The web app's words (apps/web/src/i18n): a status is a name there, with a capital. */
const STATUS: Record<Language, Record<string, string>> = {
  nl: {
    not_started: 'Niet gestart',
    in_progress: 'In uitvoering',
    met: 'Gerealiseerd',
    partially_met: 'Deels gerealiseerd',
    lapsed: 'Vervallen',
  },
  en: {
    not_started: 'Not started',
    in_progress: 'In progress',
    met: 'Met',
    partially_met: 'Partially met',
    lapsed: 'Lapsed',
  },
};

/**
 * An escalation level in a Dutch sentence. Two forms, because Dutch inflects the adjective
 * after "het" (bestuurlijk niveau, het bestuurlijke niveau), and the Overhedenoverleg is a
 * body, not a level: "geëscaleerd naar het Overhedenoverleg", never "Overhedenoverleg niveau".
 */
const DUTCH_LEVEL: Record<string, { to: string; the: string }> = {
  official: { to: 'ambtelijk niveau', the: 'het ambtelijke niveau' },
  administrative: { to: 'bestuurlijk niveau', the: 'het bestuurlijke niveau' },
  overhedenoverleg: { to: 'het Overhedenoverleg', the: 'het Overhedenoverleg' },
};

/**
 * Where an escalation goes, for a Dutch sentence: "Geëscaleerd naar ${…}" reads "bestuurlijk
 * niveau" or "het Overhedenoverleg" (`the`: "het bestuurlijke niveau"). An unknown level
 * reads as "een hoger niveau", not as its code.
 */
export function dutchEscalationLevel(
  level: string | null | undefined,
  form: 'to' | 'the' = 'to',
): string {
  const phrases = level ? DUTCH_LEVEL[level] : undefined;
  if (!phrases) return 'een hoger niveau';
  return phrases[form];
}

const ENGLISH_LEVEL: Record<string, string> = {
  official: 'the official level',
  administrative: 'the administrative level',
  overhedenoverleg: 'the Overhedenoverleg',
};
const englishLevel = (level: string | null | undefined) =>
  (level ? ENGLISH_LEVEL[level] : undefined) ?? 'a higher level';

const POSITION: Record<Language, Record<string, string>> = {
  nl: { supports: 'steunt', concerns: 'heeft zorgen over', objects: 'maakt bezwaar tegen' },
  en: { supports: 'supports', concerns: 'has concerns about', objects: 'objects to' },
};

const dateFormat: Record<Language, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A YYYY-MM-DD date in words: "15 december 2026", "15 December 2026". */
export function formatDate(date: string | undefined, language: Language): string {
  if (!date) return '';
  return dateFormat[language].format(new Date(`${date}T00:00:00Z`));
}

const label = (table: Record<string, string>, value: string | null | undefined) =>
  value ? (table[value] ?? value) : '';

/** The words of a notification, in one language. */
export function notificationText(
  kind: NotificationKind,
  reason: NotificationReason,
  payload: NotificationPayload,
  language: Language,
): NotificationText {
  const p = payload;
  const nl = language === 'nl';
  const title = p.actionTitle ?? '';
  const deadline = formatDate(p.deadline, language);
  const level = p.level ?? p.previousLevel;
  const facts = [
    nl ? `Actie: ${title}` : `Action: ${title}`,
    ...(p.ownerOrganisation
      ? [nl ? `Trekker: ${p.ownerOrganisation}` : `Owner: ${p.ownerOrganisation}`]
      : []),
    ...(deadline ? [`Deadline: ${deadline}`] : []),
  ];
  const texts: Record<NotificationKind, () => { title: string; lines: string[] }> = {
    deadline_upcoming: () => ({
      title: nl
        ? `Deadline over ${p.daysBefore} dagen: ${title}`
        : `Deadline in ${p.daysBefore} days: ${title}`,
      lines: facts,
    }),
    deadline_today: () => ({
      title: nl ? `Deadline vandaag: ${title}` : `Deadline today: ${title}`,
      lines: facts,
    }),
    overdue: () => ({
      title: nl ? `Deadline verstreken: ${title}` : `Overdue: ${title}`,
      lines: [
        ...facts,
        nl
          ? 'Sluit de actie af, of verplaats de deadline met een reden.'
          : 'Close the action, or move its deadline with a reason.',
      ],
    }),
    stale: () => ({
      title: nl
        ? `Al ${p.staleDays} ${p.staleDays === 1 ? 'dag' : 'dagen'} geen voortgangsupdate: ${title}`
        : `No progress update for ${p.staleDays} ${p.staleDays === 1 ? 'day' : 'days'}: ${title}`,
      lines: [
        ...facts,
        nl ? 'Schrijf een voortgangsupdate met een toelichting.' : 'Post a progress update.',
      ],
    }),
    update_request: () => ({
      title: nl
        ? `Voortgangsupdate gevraagd vóór ${formatDate(p.roundDueDate, language)}: ${title}`
        : `Progress update requested by ${formatDate(p.roundDueDate, language)}: ${title}`,
      lines: [
        nl ? `Uitvraag: ${p.roundTitle}` : `Update round: ${p.roundTitle}`,
        ...(p.roundMessage ? [p.roundMessage] : []),
        ...facts,
      ],
    }),
    update_reminder: () => ({
      title: nl
        ? `Herinnering: voortgangsupdate vóór ${formatDate(p.roundDueDate, language)}: ${title}`
        : `Reminder: progress update due ${formatDate(p.roundDueDate, language)}: ${title}`,
      lines: [nl ? `Uitvraag: ${p.roundTitle}` : `Update round: ${p.roundTitle}`, ...facts],
    }),
    escalation: () => ({
      title: nl
        ? `Geëscaleerd naar ${dutchEscalationLevel(p.level)}: ${title}`
        : `Escalated to ${englishLevel(p.level)}: ${title}`,
      lines: [
        ...facts,
        nl
          ? 'De actie is te lang over de deadline, uit koers of zonder antwoord op een uitvraag.'
          : 'The action has been overdue, off track or without an answer to an update round for too long.',
      ],
    }),
    de_escalation: () => ({
      title: nl ? `Niet langer geëscaleerd: ${title}` : `No longer escalated: ${title}`,
      lines: [
        ...facts,
        nl
          ? `De actie was geëscaleerd naar ${dutchEscalationLevel(p.previousLevel)} en is weer op koers of afgesloten.`
          : `The action was escalated to ${englishLevel(p.previousLevel)} and is back on track or closed.`,
      ],
    }),
    status_changed: () => ({
      title: nl
        ? `Status gewijzigd naar ${label(STATUS.nl, p.status)}: ${title}`
        : `Status changed to ${label(STATUS.en, p.status)}: ${title}`,
      lines: [...facts, nl ? `Gewijzigd door ${p.actorName}.` : `Changed by ${p.actorName}.`],
    }),
    assigned: () => ({
      title: nl ? `U bent eigenaar van: ${title}` : `You now own: ${title}`,
      lines: [...facts, nl ? `Toegewezen door ${p.actorName}.` : `Assigned by ${p.actorName}.`],
    }),
    partner_position: () => ({
      title: `${p.organisationCode} ${label(POSITION[language], p.position)}: ${title}`,
      lines: [
        ...facts,
        ...(p.excerpt ? [`“${p.excerpt}”`] : []),
        nl ? `Door ${p.actorName}.` : `By ${p.actorName}.`,
      ],
    }),
    mention: () => ({
      title: nl
        ? `${p.actorName} noemde u bij: ${title}`
        : `${p.actorName} mentioned you on: ${title}`,
      lines: [...facts, ...(p.excerpt ? [`“${p.excerpt}”`] : [])],
    }),
    report_ready: () => ({
      title: nl
        ? `Uw rapport is klaar: ${p.reportFilename ?? ''}`
        : `Your report is ready: ${p.reportFilename ?? ''}`,
      lines: [
        nl
          ? 'Download het op de pagina Rapportages, in de browser waarin u het aanvroeg. Het wordt na een dag verwijderd.'
          : 'Download it on the Reports page, in the browser in which you asked for it. It is deleted after a day.',
      ],
    }),
    webhook_disabled: () => ({
      title: nl
        ? 'Webhook uitgeschakeld na een dag mislukte afleveringen'
        : 'Webhook switched off after a day of failed deliveries',
      lines: [
        nl
          ? `Berichten aan ${p.webhookUrl ?? 'de webhook'} kwamen een dag lang niet aan; er wordt niets meer verstuurd.`
          : `Messages to ${p.webhookUrl ?? 'the webhook'} did not arrive for a day; nothing more is sent.`,
        nl
          ? 'Herstel de ontvanger en zet de webhook weer aan: wat wachtte, wordt dan alsnog verstuurd.'
          : 'Fix the receiver and switch the webhook on again: what was waiting is then sent.',
      ],
    }),
  };
  const reasons: Record<NotificationReason, string> = {
    owner: nl
      ? 'U ontvangt dit omdat u eigenaar van deze actie bent.'
      : 'You receive this because you own this action.',
    owner_organisation: nl
      ? `U ontvangt dit omdat u redacteur bent bij ${p.ownerOrganisation ?? 'de trekker'}, de trekker van deze actie, en de actie geen eigenaar heeft.`
      : `You receive this because you are an editor at ${p.ownerOrganisation ?? 'the owner'}, which owns this action, and the action has no owner of its own.`,
    coordinator: nl
      ? 'U ontvangt dit omdat u dit programma coördineert en niemand anders deze actie toegewezen heeft.'
      : 'You receive this because you coordinate this programme and nobody else is assigned to this action.',
    escalation_contact: nl
      ? `U ontvangt dit omdat u in de escalatieladder contactpersoon bent voor ${dutchEscalationLevel(level, 'the')}.`
      : `You receive this because you are a contact for ${englishLevel(level)} on the escalation ladder.`,
    mentioned: nl
      ? `U ontvangt dit omdat ${p.actorName ?? 'iemand'} u noemde in een reactie.`
      : `You receive this because ${p.actorName ?? 'someone'} mentioned you in a comment.`,
    requester: nl
      ? 'U ontvangt dit omdat u dit rapport heeft aangevraagd.'
      : 'You receive this because you asked for this report.',
    webhook_owner: nl
      ? 'U ontvangt dit omdat u deze webhook heeft aangemaakt.'
      : 'You receive this because you made this webhook.',
  };
  return { ...texts[kind](), reason: reasons[reason] };
}
