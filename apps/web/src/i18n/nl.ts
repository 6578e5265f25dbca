/**
 * Every Dutch string of the web app (STYLE.md: one place per language). Dutch is the default;
 * `en.ts` mirrors this shape and the compiler checks that it has every key.
 */
export const nl = {
  app: {
    name: 'Sterk Bestuur Tracker',
    tagline: 'Actieagenda Sterk Bestuur',
    skipLink: 'Naar de hoofdinhoud',
    mainNavigation: 'Hoofdnavigatie',
    loading: 'Bezig met laden…',
    footer: 'Een gezamenlijke voorziening van Rijk, VNG, IPO en UvW.',
    language: 'Taal',
  },
  nav: {
    myWork: 'Mijn werk',
    notifications: 'Meldingen',
    unread: (count: number) => `${count} ongelezen`,
    account: 'Account',
    signOut: 'Afmelden',
    programme: 'Programma',
    switchProgramme: 'Wissel van programma',
  },
  signIn: {
    title: 'Aanmelden',
    intro: 'Meld u aan met het e-mailadres en wachtwoord van uw account.',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Aanmelden',
    busy: 'Bezig met aanmelden…',
    invalid: 'Het e-mailadres of het wachtwoord klopt niet.',
    locked: (minutes: number) =>
      `Te veel mislukte pogingen. Aanmelden is tijdelijk geblokkeerd; probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    unavailable: 'Aanmelden lukt nu niet. Probeer het over enkele ogenblikken opnieuw.',
    emailRequired: 'Vul uw e-mailadres in.',
    passwordRequired: 'Vul uw wachtwoord in.',
    signedOut: 'U bent afgemeld.',
    sessionExpired: 'Uw sessie is verlopen. Meld u opnieuw aan.',
  },
  errors: {
    summaryTitle: 'Er is een probleem',
    generic: 'Er ging iets mis. Probeer het opnieuw.',
    network: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    notFoundTitle: 'Pagina niet gevonden',
    notFound: 'Deze pagina bestaat niet, of u heeft er geen toegang toe.',
    forbidden: 'U heeft geen toestemming voor deze handeling.',
    toHome: 'Naar Mijn werk',
    tooManyRequests: 'U doet te veel verzoeken. Wacht even en probeer het opnieuw.',
  },
  actionTable: {
    title: 'Actie',
    deadline: 'Deadline',
    status: 'Status',
    health: 'Gezondheid',
    percent: 'Voortgang',
    owner: 'Eigenaar',
    overdue: 'te laat',
  },
  myWork: {
    title: 'Mijn werk',
    intro:
      'Uw acties en die van uw organisatie: wat te laat is, wat eraan komt en wat er veranderd is.',
    scope: 'Welke acties',
    scopeMine: 'Mijn acties',
    scopeOrganisation: (organisation: string) => `Van mijn organisatie (${organisation})`,
    filtersTitle: 'Filteren',
    track: 'Spoor',
    status: 'Status',
    health: 'Gezondheid',
    kind: 'Soort afspraak',
    search: 'Zoeken',
    searchDescription: 'In titel, omschrijving en toelichting.',
    sort: 'Sorteren op',
    sortDeadline: 'Deadline (eerste eerst)',
    sortUpdated: 'Laatst gewijzigd',
    sortTitle: 'Titel (A-Z)',
    any: 'Alle',
    apply: 'Filters toepassen',
    clear: 'Filters wissen',
    overdue: 'Te laat',
    dueSoon: 'Deadline binnen 14 dagen',
    round: 'Updateronde',
    roundDue: 'Gevraagd vóór',
    requested: 'Gevraagd in een updateronde',
    changed: 'Gewijzigd sinds uw vorige bezoek',
    changedRecently: 'Recent gewijzigd (14 dagen)',
    count: (count: number, more: boolean) =>
      more ? `${count} of meer` : count === 1 ? '1 actie' : `${count} acties`,
    none: 'Geen acties.',
    next: 'Volgende pagina',
    previous: 'Vorige pagina',
    pageOf: (section: string) => `Pagina's van ${section}`,
    noProgramme: 'U bent nog geen lid van een programma. Vraag de coördinator u toe te voegen.',
    loadFailed: 'Deze lijst kon niet worden geladen.',
  },
  action: {
    title: 'Actie',
    reportProgress: 'Voortgang melden',
    summary: 'Samenvatting',
    status: 'Status',
    health: 'Gezondheid',
    percent: 'Voortgang',
    deadline: 'Deadline',
    owner: 'Eigenaar',
    verification: 'Verificatie',
    narrative: 'Laatste toelichting',
  },
  status: {
    not_started: 'Niet gestart',
    in_progress: 'In uitvoering',
    met: 'Gerealiseerd',
    partially_met: 'Deels gerealiseerd',
    lapsed: 'Vervallen',
  },
  health: {
    not_set: 'Niet beoordeeld',
    on_track: 'Op koers',
    at_risk: 'Risico',
    off_track: 'Uit koers',
  },
  verification: {
    self_reported: 'Zelf gemeld',
    partner_reviewed: 'Bevestigd door partner',
    verified: 'Geverifieerd',
  },
  position: {
    supports: 'Steunt',
    concerns: 'Heeft zorgen',
    objects: 'Maakt bezwaar',
  },
  commitmentKind: {
    udo_trajectory: 'UDO-traject',
    bofv_agreement: 'BOFv-afspraak',
    overhedenoverleg_agreement: 'Afspraak Overhedenoverleg',
    rob_recommendation: 'ROB-advies',
    parliamentary_pledge: 'Toezegging aan de Kamer',
    agenda_item: 'Actiepunt van de agenda',
  },
  role: {
    coordinator: 'Coördinator',
    editor: 'Redacteur',
    liaison: 'Contactpersoon',
    viewer: 'Lezer',
  },
  partnerRole: {
    co_owner: 'Mede-eigenaar',
    contributor: 'Bijdrager',
    informed: 'Geïnformeerd',
  },
  format: {
    date: (iso: string) =>
      new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(
        new Date(`${iso.slice(0, 10)}T12:00:00Z`),
      ),
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat('nl-NL', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Amsterdam',
      }).format(new Date(iso)),
    percent: (value: number) => `${value}%`,
  },
};

/** The shape every language has: the Dutch keys, with any text. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : { [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof nl>;
