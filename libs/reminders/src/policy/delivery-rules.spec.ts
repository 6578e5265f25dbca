import { DEFAULT_REMINDER_POLICY } from './reminder-policy';
import { deliveryRules } from './delivery-rules';

describe('deliveryRules.digestFor', () => {
  const rules = deliveryRules(DEFAULT_REMINDER_POLICY);

  it("is today's digest at 09:30 before it, tomorrow's after it", () => {
    expect(rules.digestFor(new Date('2026-12-07T08:00:00Z'))).toEqual({
      date: '2026-12-07',
      sendAt: new Date('2026-12-07T08:30:00Z'),
    });
    expect(rules.digestFor(new Date('2026-12-07T09:00:00Z')).date).toBe('2026-12-08');
  });

  it('skips the weekend and Christmas', () => {
    expect(rules.digestFor(new Date('2026-12-24T12:00:00Z')).date).toBe('2026-12-28');
  });
});
