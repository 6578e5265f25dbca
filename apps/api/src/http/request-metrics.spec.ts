import { routeLabel, UNMATCHED_ROUTE } from './request-metrics';

describe('routeLabel', () => {
  it('names the matched route template with its router base, never the URL', () => {
    expect(routeLabel({ baseUrl: '', route: { path: '/v1/actions/:id' } }, 200)).toBe(
      '/v1/actions/:id',
    );
    expect(routeLabel({ baseUrl: '/v1', route: { path: '/actions/:id' } }, 404)).toBe(
      '/v1/actions/:id',
    );
  });

  it('says unmatched when no route matched', () => {
    expect(routeLabel({ baseUrl: '' }, 404)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel({ baseUrl: '', route: { path: /regex/ } }, 200)).toBe(UNMATCHED_ROUTE);
  });

  it("says unmatched for a catch-all's 404, but keeps a catch-all that answered", () => {
    expect(routeLabel({ baseUrl: '', route: { path: '/v1*path' } }, 404)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel({ baseUrl: '', route: { path: '/{*splat}' } }, 200)).toBe('/{*splat}');
  });
});
