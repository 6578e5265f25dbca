/** An action's columns under its entity's property names, for raw statements. */
export const ACTION_COLUMNS = `a.id, a.programme_id AS "programmeId", a.track_id AS "trackId",
  a.commitment_id AS "commitmentId", a.parent_action_id AS "parentActionId", a.title,
  a.description, a.owner_organisation_id AS "ownerOrganisationId",
  a.owner_user_id AS "ownerUserId", a.start_date AS "startDate", a.deadline, a.status,
  a.health, a.verification, a.percent_complete AS "percentComplete",
  a.escalation_level AS "escalationLevel", a.rollup_weight AS "rollupWeight", a.closed_at AS "closedAt", a.tags,
  a.public, a.latest_narrative AS "latestNarrative", a.version, a.created_at AS "createdAt",
  a.updated_at AS "updatedAt"`;

/** The columns a change may set, by property name. */
export const UPDATABLE: Record<string, string> = {
  trackId: 'track_id',
  commitmentId: 'commitment_id',
  parentActionId: 'parent_action_id',
  title: 'title',
  description: 'description',
  ownerOrganisationId: 'owner_organisation_id',
  ownerUserId: 'owner_user_id',
  startDate: 'start_date',
  deadline: 'deadline',
  status: 'status',
  health: 'health',
  verification: 'verification',
  percentComplete: 'percent_complete',
  escalationLevel: 'escalation_level',
  rollupWeight: 'rollup_weight',
  closedAt: 'closed_at',
  tags: 'tags',
  public: 'public',
  latestNarrative: 'latest_narrative',
};
