import {
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
} from '@playwright/test';

/**
 * What the page must never do, whatever a story checks: break the Content-Security-Policy
 * (the console says "Refused to … because it violates the following Content Security Policy
 * directive"; the app's CSP has no 'unsafe-inline', so an inline script or style, a
 * `javascript:` URL or a foreign request would show here) or throw an uncaught error.
 */
const CSP_VIOLATION = /Content[- ]Security[- ]Policy/i;

function watch(context: BrowserContext, problems: string[]): void {
  const watchPage = (page: Page) => {
    page.on('console', (message) => {
      if (CSP_VIOLATION.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
}

interface Fixtures {
  /** A second browser of its own (another person, another device), watched like the first. */
  anotherBrowser: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  pageProblems: string[];
}

/**
 * The stories' `test`: Playwright's, with every page of the story (the default one and those
 * of `anotherBrowser`) watched for CSP violations and uncaught errors; a story that met one
 * fails, naming it.
 */
export const test = base.extend<Fixtures>({
  pageProblems: [
    // Playwright reads a fixture's dependencies from the pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const problems: string[] = [];
      await use(problems);
      expect(problems, 'CSP violations or uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, pageProblems }, use) => {
    watch(context, pageProblems);
    await use(context);
  },
  anotherBrowser: async ({ browser, pageProblems }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const { baseURL, locale, timezoneId } = testInfo.project.use;
      const context = await browser.newContext({ baseURL, locale, timezoneId, ...options });
      watch(context, pageProblems);
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
