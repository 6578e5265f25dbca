import type { Schemas } from '../../api/client';
import type { ProgrammeRole } from '../../components/use-role';

export type Member = Schemas['MemberResponse'];
export const ROLES: ProgrammeRole[] = ['coordinator', 'editor', 'liaison', 'viewer'];
