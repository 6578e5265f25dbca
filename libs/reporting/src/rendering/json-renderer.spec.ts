import { FIXTURE_ACTIONS, reportFixture } from './report-fixture';
import { jsonReportAction, jsonReportSummary, renderJson } from './json-renderer';

describe('the JSON report', () => {
  it('puts the Kamer’s status right after ours, for every status', () => {
    const terms = Object.fromEntries(
      FIXTURE_ACTIONS.map((action) => [action.status, jsonReportAction(action).statusParliament]),
    );
    expect(terms).toMatchObject({ not_started: 'Openstaand' });
    for (const action of FIXTURE_ACTIONS) {
      const keys = Object.keys(jsonReportAction(action));
      expect(keys[keys.indexOf('status') + 1]).toBe('statusParliament');
    }
    const closed = FIXTURE_ACTIONS.find((action) => action.status === 'partially_met');
    if (closed) expect(jsonReportAction(closed).statusParliament).toBe('Deels voldaan');
  });

  it('counts the summary per Kamer status too, every term present', () => {
    const summary = jsonReportSummary({
      ...reportFixture().summary,
      byStatus: { not_started: 2, in_progress: 5, met: 3, partially_met: 1, lapsed: 0 },
    });
    expect(summary.byStatusParliament).toEqual({
      Openstaand: 7,
      'Deels voldaan': 1,
      Voldaan: 3,
      Vervallen: 0,
    });
    const keys = Object.keys(summary);
    expect(keys[keys.indexOf('byStatus') + 1]).toBe('byStatusParliament');
  });

  it('streams a document that parses, with both statuses on each action', async () => {
    let text = '';
    for await (const part of renderJson(reportFixture(), { self: { href: 'https://x.nl/r' } }))
      text += part;
    const document = JSON.parse(text);
    expect(document.summary.byStatusParliament).toBeDefined();
    expect(document.actions).toHaveLength(FIXTURE_ACTIONS.length);
    for (const action of document.actions)
      expect(['Openstaand', 'Deels voldaan', 'Voldaan', 'Vervallen']).toContain(
        action.statusParliament,
      );
  });
});
