import type { AppConfig } from '@app/core';
import type { ActionBody } from '@app/tracking';
import { withActionLinks } from './links';

describe('links', () => {
  const config = { http: { publicUrl: 'https://tracker.example.nl' } } as AppConfig;

  it("adds an action's own address and its progress updates' after its fields", () => {
    const body = { id: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee', title: 'Een actie' } as ActionBody;
    const response = withActionLinks(config, body);
    expect(response._links).toEqual({
      self: { href: 'https://tracker.example.nl/v1/actions/1db9bc4f-a9c7-5dcc-86bc-b301fed52fee' },
      progressUpdates: {
        href: 'https://tracker.example.nl/v1/actions/1db9bc4f-a9c7-5dcc-86bc-b301fed52fee/progress-updates',
      },
    });
    expect(Object.keys(response)).toEqual(['id', 'title', '_links']);
  });
});
