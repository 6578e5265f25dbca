import type { ProgrammeMember } from '@app/identity';
import { escalationRecipients, ownerRecipients, ProgrammeMembers } from './recipients';

const member = (
  userId: string,
  role: ProgrammeMember['role'],
  organisationId: string,
): ProgrammeMember => ({
  userId,
  role,
  organisationId,
  email: `${userId}@example.nl`,
  displayName: userId,
});
const members = new ProgrammeMembers([
  member('owner', 'editor', 'bzk'),
  member('editor-1', 'editor', 'bzk'),
  member('editor-vng', 'editor', 'vng'),
  member('coordinator', 'coordinator', 'bzk'),
]);
const action = (ownerUserId: string | null, organisation = 'bzk') => ({
  ownerUserId,
  ownerOrganisation: { id: organisation },
});

describe('ownerRecipients', () => {
  it('is the owner when the action has one who is a member', () => {
    expect(ownerRecipients(action('owner'), members)).toEqual([
      { userId: 'owner', reason: 'owner' },
    ]);
  });

  it("falls back to the owning organisation's editors", () => {
    expect(ownerRecipients(action(null), members)).toEqual([
      { userId: 'owner', reason: 'owner_organisation' },
      { userId: 'editor-1', reason: 'owner_organisation' },
    ]);
    // An owner who left the programme is no owner to remind.
    expect(ownerRecipients(action('gone'), members).map((r) => r.userId)).toEqual([
      'owner',
      'editor-1',
    ]);
  });

  it('falls back to the coordinators when the organisation has no editor here', () => {
    expect(ownerRecipients(action(null, 'ipo'), members)).toEqual([
      { userId: 'coordinator', reason: 'coordinator' },
    ]);
  });
});

describe('escalationRecipients', () => {
  it('adds the active contacts to the owners, each person once', () => {
    const owners = ownerRecipients(action('owner'), members);
    expect(
      escalationRecipients(owners, ['coordinator', 'owner', 'left-long-ago'], members),
    ).toEqual([
      { userId: 'owner', reason: 'owner' },
      { userId: 'coordinator', reason: 'escalation_contact' },
    ]);
  });
});
