import { describeSmtpError } from './describe-smtp-error';

describe('describeSmtpError', () => {
  it("gives the server's code and reply", () => {
    const refused = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      responseCode: 451,
      response: '451 4.3.0 Mailbox busy, try again later',
      code: 'EENVELOPE',
    });
    expect(describeSmtpError(refused)).toBe('451 4.3.0 Mailbox busy, try again later');
  });

  it('does not name the mail host of a connection that failed', () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:587'), {
      code: 'ESOCKET',
    });
    expect(describeSmtpError(down)).toBe(
      'ESOCKET: the mail server could not be reached or broke off',
    );
    expect(describeSmtpError('?')).toBe('unknown error');
  });
});
