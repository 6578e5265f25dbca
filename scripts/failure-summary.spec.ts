import { jestFailures, playwrightFailures } from './failure-summary';

describe('failure summary', () => {
  it("names Jest's failing tests once each, with their file", () => {
    const output = [
      'PASS unit libs/core/src/text/markup.spec.ts',
      'FAIL e2e apps/api/test/webhooks.e2e-spec.ts (41.2 s)',
      '  webhooks',
      '    ✕ gives up on a name server that does not answer (12003 ms)',
      '',
      '  \u001b[1m● webhooks › gives up on a name server that does not answer\u001b[22m',
      '',
      '    expect(received).toBe(expected)',
      '',
      '  ● Console',
      '',
      '    console.log',
      '      write-route fuzz: 96 routes',
      'FAIL unit libs/core/src/broken.spec.ts',
      '  ● Test suite failed to run',
      '',
      'Summary of all failing tests',
      'FAIL e2e apps/api/test/webhooks.e2e-spec.ts (41.2 s)',
      '  ● webhooks › gives up on a name server that does not answer',
      '',
      'Tests:       1 failed, 1633 passed, 1634 total',
    ].join('\n');
    expect(jestFailures(output)).toEqual([
      'apps/api/test/webhooks.e2e-spec.ts › webhooks › gives up on a name server that does not answer',
      'libs/core/src/broken.spec.ts › Test suite failed to run',
    ]);
  });

  it("names Playwright's failing and flaky stories with the first lines of their error", () => {
    const output = [
      '  ✓  1 a11y.browser.ts:12:3 › sign-in page (2.1s)',
      '  ✘  2 webhooks.browser.ts:66:3 › a coordinator adds a webhook (11.0s)',
      '',
      '',
      '  1) webhooks.browser.ts:66:3 › a coordinator adds a webhook ' + '─'.repeat(20),
      '',
      '    Error: expect(locator).toHaveText(expected) failed',
      '',
      "    Locator:  getByRole('status')",
      '    Expected: "Webhook Test staat uit"',
      '    Received: "Testbericht is afgeleverd"',
      '    Timeout:  10000ms',
      '',
      '    Error Context: ../../dist/browser-test-results/error-context.md',
      '',
      '  2) session.browser.ts:40:3 › signs out in every tab ' + '─'.repeat(20),
      '',
      '    Test timeout of 60000ms exceeded.',
      '',
      '  1 failed',
      '    webhooks.browser.ts:66:3 › a coordinator adds a webhook ' + '─'.repeat(20),
      '  1 flaky',
      '    session.browser.ts:40:3 › signs out in every tab ' + '─'.repeat(20),
      '  84 passed (9.4m)',
    ].join('\n');
    expect(playwrightFailures(output)).toEqual([
      'webhooks.browser.ts:66:3 › a coordinator adds a webhook',
      '  Error: expect(locator).toHaveText(expected) failed',
      "  Locator:  getByRole('status')",
      '  Expected: "Webhook Test staat uit"',
      '  Received: "Testbericht is afgeleverd"',
      '(flaky) session.browser.ts:40:3 › signs out in every tab',
      '  Test timeout of 60000ms exceeded.',
    ]);
  });

  it('counts the failures past the first eight', () => {
    const output = Array.from({ length: 11 }, (_, index) => `  ● suite › test ${index + 1}`).join(
      '\n',
    );
    const summary = jestFailures(output);
    expect(summary).toHaveLength(9);
    expect(summary[8]).toBe('… and 3 more');
  });
});
