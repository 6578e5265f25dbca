export const PROGRAMME_ROLES = ['coordinator', 'editor', 'liaison', 'viewer'] as const;
export type ProgrammeRole = (typeof PROGRAMME_ROLES)[number];

/** Every permission a route can declare. A route declares exactly one (default deny). */
export enum Permission {
  /** No principal needed: log-in, token refresh, log-out. */
  Public = 'public',
  /** Organisations and the caller's programme list: people and API tokens. */
  DirectoryRead = 'directory:read',
  /** The caller's own account (/me): people only, not API tokens. */
  Self = 'self',
  /** Organisations, users and programmes as a whole: platform administrators. */
  PlatformAdmin = 'platform:admin',
  /** Anything inside a programme, read: every member. */
  ProgrammeRead = 'programme:read',
  /** The programme's own settings: coordinators. */
  ProgrammeManage = 'programme:manage',
  /** The programme's tracks: coordinators. */
  TracksManage = 'tracks:manage',
  /** The programme's members and their roles: coordinators. */
  MembersManage = 'members:manage',
  /**
   * The audit log, read: coordinators the events of their programmes, platform administrators
   * all of it (events outside any programme, such as log-ins, are theirs alone).
   */
  AuditRead = 'audit:read',
  /** Verifying the audit log's hash chain: platform administrators. */
  AuditVerify = 'audit:verify',
  /** Commitments, actions, timelines and comments, read: every member of their programme. */
  TrackingRead = 'tracking:read',
  /** Recording and editing commitments: coordinators and editors. */
  CommitmentsManage = 'commitments:manage',
  /** Creating actions: coordinators, and editors for actions their organisation owns. */
  ActionsCreate = 'actions:create',
  /** Changing an action and posting progress: coordinators, editors of an owning organisation. */
  ActionsUpdate = 'actions:update',
  /** Commenting and stating a position: coordinators, editors and liaisons. */
  CommentsWrite = 'comments:write',
  /** Confirming a closed action: liaisons of a partner organisation. */
  ActionsConfirm = 'actions:confirm',
  /** Marking a closed action verified: coordinators. */
  ActionsVerify = 'actions:verify',
  /**
   * The programme's reminder policy, update rounds, reminders and e-mail deliveries:
   * coordinators.
   */
  RemindersManage = 'reminders:manage',
  /** Progress reports and their exports: every member of the programme. */
  ReportsRead = 'reports:read',
  /**
   * Spreadsheet imports and the import workbook (filled with the programme's data):
   * coordinators, who may change every commitment and action an import touches.
   */
  ImportsManage = 'imports:manage',
  /**
   * The programme's webhooks: coordinators, in person or through an integration's API token
   * with write scope.
   */
  WebhooksManage = 'webhooks:manage',
}

export type PermissionScope =
  | 'none' // anyone
  | 'directory' // any person or API token
  | 'self' // any person
  | 'platform' // platform administrators
  | 'programme'; // members of the resource's programme, by role

export interface PermissionRule {
  scope: PermissionScope;
  /** Whether an API token needs `write` scope for it. */
  access: 'read' | 'write';
  /** Programme roles that may, whatever organisation owns the resource. */
  roles?: readonly ProgrammeRole[];
  /** Editors may when their organisation owns or co-owns the resource. */
  editorsOfOwner?: boolean;
  /** Liaisons may when their organisation is a partner of the resource. */
  liaisonsOfPartner?: boolean;
  /**
   * Also asked without a programme, by a list that spans the caller's programmes: allowed when
   * allowed in at least one of them. The service then narrows the list to those programmes.
   */
  acrossProgrammes?: boolean;
}

/** The permission table: one place that says who may do what (README "Permissions"). */
export const PERMISSION_RULES: { readonly [P in Permission]: PermissionRule } = {
  [Permission.Public]: { scope: 'none', access: 'read' },
  [Permission.DirectoryRead]: { scope: 'directory', access: 'read' },
  [Permission.Self]: { scope: 'self', access: 'write' },
  [Permission.PlatformAdmin]: { scope: 'platform', access: 'write' },
  [Permission.ProgrammeRead]: {
    scope: 'programme',
    access: 'read',
    roles: ['coordinator', 'editor', 'liaison', 'viewer'],
  },
  [Permission.ProgrammeManage]: { scope: 'programme', access: 'write', roles: ['coordinator'] },
  [Permission.TracksManage]: { scope: 'programme', access: 'write', roles: ['coordinator'] },
  [Permission.MembersManage]: { scope: 'programme', access: 'write', roles: ['coordinator'] },
  [Permission.AuditRead]: {
    scope: 'programme',
    access: 'read',
    roles: ['coordinator'],
    acrossProgrammes: true,
  },
  [Permission.AuditVerify]: { scope: 'platform', access: 'read' },
  // Tracking resources carry their programme, not the URL: the guard lets a caller through
  // who may somewhere, and the service decides again on the resource (decideOn / assertAllowed).
  [Permission.TrackingRead]: {
    scope: 'programme',
    access: 'read',
    roles: ['coordinator', 'editor', 'liaison', 'viewer'],
    acrossProgrammes: true,
  },
  [Permission.CommitmentsManage]: {
    scope: 'programme',
    access: 'write',
    roles: ['coordinator', 'editor'],
    acrossProgrammes: true,
  },
  [Permission.ActionsCreate]: {
    scope: 'programme',
    access: 'write',
    roles: ['coordinator'],
    editorsOfOwner: true,
    acrossProgrammes: true,
  },
  [Permission.ActionsUpdate]: {
    scope: 'programme',
    access: 'write',
    roles: ['coordinator'],
    editorsOfOwner: true,
    acrossProgrammes: true,
  },
  [Permission.CommentsWrite]: {
    scope: 'programme',
    access: 'write',
    roles: ['coordinator', 'editor', 'liaison'],
    acrossProgrammes: true,
  },
  [Permission.ActionsConfirm]: {
    scope: 'programme',
    access: 'write',
    liaisonsOfPartner: true,
    acrossProgrammes: true,
  },
  [Permission.ActionsVerify]: {
    scope: 'programme',
    access: 'write',
    roles: ['coordinator'],
    acrossProgrammes: true,
  },
  [Permission.RemindersManage]: { scope: 'programme', access: 'write', roles: ['coordinator'] },
  // Exports carry their programme in the body or the row: the service decides again on it.
  [Permission.ReportsRead]: {
    scope: 'programme',
    access: 'read',
    roles: ['coordinator', 'editor', 'liaison', 'viewer'],
    acrossProgrammes: true,
  },
  [Permission.ImportsManage]: { scope: 'programme', access: 'write', roles: ['coordinator'] },
  [Permission.WebhooksManage]: { scope: 'programme', access: 'write', roles: ['coordinator'] },
};
