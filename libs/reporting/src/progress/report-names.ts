import type { ReportReferenceData } from '@app/tracking';
import type { ReportAction } from './progress-report.model';

/**
 * Names by id for a report's actions, and the report's order of actions. The people are
 * added once known: a report of the past reads the names of earlier owners only.
 */
export class ReportNames {
  private readonly tracks: Map<string, { id: string; name: string; index: number }>;
  private readonly organisations: Map<string, { id: string; code: string; name: string }>;
  private readonly commitments: Map<string, ReportAction['commitment']>;
  private readonly users = new Map<string, string>();

  constructor(references: ReportReferenceData) {
    this.tracks = new Map(
      references.tracks.map((t, index) => [t.id, { id: t.id, name: t.name, index }]),
    );
    this.organisations = new Map(references.organisations.map((o) => [o.id, o]));
    this.commitments = new Map(
      references.commitments.map((c) => [
        c.id,
        {
          id: c.id,
          title: c.title,
          kind: c.kind,
          sourceReference: c.document
            ? c.kamerstuk
              ? `${c.document} (${c.kamerstuk})`
              : c.document
            : null,
        },
      ]),
    );
  }

  track(id: string): ReportAction['track'] {
    const track = this.tracks.get(id);
    return track ? { id: track.id, name: track.name } : null;
  }

  organisation(id: string): ReportAction['ownerOrganisation'] {
    return this.organisations.get(id) ?? { id, code: '?', name: '?' };
  }

  commitment(id: string): ReportAction['commitment'] {
    return this.commitments.get(id) ?? null;
  }

  user(id: string): string {
    return this.users.get(id) ?? '';
  }

  addUsers(users: readonly { id: string; name: string }[]): void {
    for (const user of users) this.users.set(user.id, user.name);
  }

  /** Track order (actions without a track last), then deadline, title and id. */
  readonly reportOrder = (a: ReportAction, b: ReportAction): number => {
    const position = (action: ReportAction) =>
      action.track ? (this.tracks.get(action.track.id)?.index ?? Infinity) : Infinity;
    return (
      position(a) - position(b) ||
      compare(a.deadline, b.deadline) ||
      compare(a.title.toLowerCase(), b.title.toLowerCase()) ||
      compare(a.id, b.id)
    );
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
