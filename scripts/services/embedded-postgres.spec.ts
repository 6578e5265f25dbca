import { explainFailure } from './embedded-postgres';

describe('explainFailure', () => {
  it('names the port when PostgreSQL could not bind it', () => {
    const lines = [
      '2026-11-23 01:40:13.058 UTC [9808] LOG:  could not bind IPv4 address "127.0.0.1": Address already in use',
      '2026-11-23 01:40:13.058 UTC [9808] FATAL:  could not create any TCP/IP sockets',
    ];
    expect(explainFailure(lines, 55432, 'exit code 1')).toBe(
      'Port 55432 is in use; embedded PostgreSQL cannot listen on it.',
    );
  });

  it('quotes the last fatal line without its timestamp prefix', () => {
    const lines = [
      '2026-11-23 01:40:13.058 UTC [9808] LOG:  invalid value for parameter "shared_buffers": "x"',
      '2026-11-23 01:40:13.058 UTC [9808] FATAL:  configuration file "/d/postgresql.conf" contains errors',
    ];
    expect(explainFailure(lines, 55432, 'exit code 1')).toBe(
      'Embedded PostgreSQL failed to start (exit code 1): FATAL:  configuration file "/d/postgresql.conf" contains errors',
    );
  });

  it('still reports how it ended when the log says nothing useful', () => {
    expect(explainFailure([], 55432, 'signal SIGKILL')).toBe(
      'Embedded PostgreSQL failed to start (signal SIGKILL)',
    );
  });
});
