import type { ApiTokenScope } from '../auth/api-token.entity';
import type { ProgrammeRole } from './permissions';

/** Who is calling: a person (access JWT) or an integration (API token) acting for one. */
export interface Principal {
  kind: 'user' | 'api_token';
  userId: string;
  organisationId: string;
  isPlatformAdmin: boolean;
  /** Role per programme id. */
  memberships: ReadonlyMap<string, ProgrammeRole>;
  /** The refresh-token family of a person's session. */
  sessionId?: string;
  apiToken?: { id: string; programmeId: string; scope: ApiTokenScope };
}

/** What the policy needs to know about the resource a request touches. */
export interface ResourceContext {
  programmeId?: string;
  ownerOrganisationIds?: readonly string[];
  partnerOrganisationIds?: readonly string[];
}
