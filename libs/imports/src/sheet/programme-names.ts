import type { OrganisationName, ProgrammeMember, TrackName } from '@app/identity';
import type { SpreadsheetCommitment } from '@app/tracking';
import type { SheetKind } from './sheet-columns';

/** A programme's own reference (kenmerk) of a commitment or action. */
export interface StoredReference {
  sheet: SheetKind;
  reference: string;
  entityId: string;
}

/** How a reference is compared: case, accents and spacing aside. */
export const referenceKey = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The names a spreadsheet uses for what the API knows by id — organisations by code or name,
 * tracks by name, people by e-mail, commitments by key, reference or Kamerstuk — both ways.
 */
export class ProgrammeNames {
  private readonly organisationsByKey = new Map<string, string>();
  private readonly organisationsById = new Map<string, OrganisationName>();
  private readonly tracksByName = new Map<string, string>();
  private readonly tracksById = new Map<string, string>();
  private readonly membersByEmail = new Map<string, ProgrammeMember>();
  private readonly emailsById = new Map<string, string>();
  readonly commitmentsById = new Map<string, SpreadsheetCommitment>();
  private readonly commitmentsByKamerstuk = new Map<string, string[]>();
  private readonly references: Record<SheetKind, Map<string, string>> = {
    commitments: new Map(),
    actions: new Map(),
  };
  private readonly referencesById = new Map<string, string>();

  constructor(input: {
    organisations: readonly OrganisationName[];
    tracks: readonly TrackName[];
    members: readonly ProgrammeMember[];
    commitments: readonly SpreadsheetCommitment[];
    references: readonly StoredReference[];
  }) {
    for (const organisation of input.organisations) {
      this.organisationsById.set(organisation.id, organisation);
      this.organisationsByKey.set(referenceKey(organisation.name), organisation.id);
    }
    // Codes win over names: a code is what the template offers.
    for (const organisation of input.organisations) {
      this.organisationsByKey.set(referenceKey(organisation.code), organisation.id);
    }
    for (const track of input.tracks) {
      this.tracksById.set(track.id, track.name);
      this.tracksByName.set(referenceKey(track.name), track.id);
    }
    for (const member of input.members) {
      this.membersByEmail.set(member.email.toLowerCase(), member);
      this.emailsById.set(member.userId, member.email);
    }
    for (const commitment of input.commitments) this.addCommitment(commitment);
    for (const stored of input.references) this.addReference(stored);
  }

  organisationId(text: string): string | undefined {
    return this.organisationsByKey.get(referenceKey(text));
  }

  organisationCode(id: string): string {
    return this.organisationsById.get(id)?.code ?? id;
  }

  organisationCodes(): string[] {
    return [...this.organisationsById.values()].map((organisation) => organisation.code);
  }

  trackId(name: string): string | undefined {
    return this.tracksByName.get(referenceKey(name));
  }

  trackName(id: string): string {
    return this.tracksById.get(id) ?? id;
  }

  trackNames(): string[] {
    return [...this.tracksById.values()];
  }

  /** An active member of the programme, by e-mail address. */
  member(email: string): ProgrammeMember | undefined {
    return this.membersByEmail.get(email.toLowerCase());
  }

  /** A person's e-mail address (members only; anyone else by id). */
  emailOf(userId: string): string {
    return this.emailsById.get(userId) ?? userId;
  }

  addCommitment(commitment: SpreadsheetCommitment): void {
    this.commitmentsById.set(commitment.id, commitment);
    for (const reference of commitment.references) {
      if (reference.kamerstuk === null) continue;
      const ids = this.commitmentsByKamerstuk.get(reference.kamerstuk) ?? [];
      if (!ids.includes(commitment.id)) ids.push(commitment.id);
      this.commitmentsByKamerstuk.set(reference.kamerstuk, ids);
    }
  }

  commitmentsWithKamerstuk(kamerstuk: string): readonly string[] {
    return this.commitmentsByKamerstuk.get(kamerstuk) ?? [];
  }

  addReference(stored: StoredReference): void {
    this.references[stored.sheet].set(referenceKey(stored.reference), stored.entityId);
    this.referencesById.set(stored.entityId, stored.reference);
  }

  /** The commitment or action a reference (kenmerk) names. */
  byReference(sheet: SheetKind, reference: string): string | undefined {
    return this.references[sheet].get(referenceKey(reference));
  }

  referenceOf(entityId: string): string | undefined {
    return this.referencesById.get(entityId);
  }

  /** How a sheet names a commitment: its reference if it has one, else its key. */
  commitmentName(id: string): string {
    return this.referenceOf(id) ?? id;
  }
}
