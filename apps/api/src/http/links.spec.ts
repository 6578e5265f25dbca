import type { AppConfig } from '@app/core';
import type { ImportBody, ImportRowBody } from '@app/imports';
import type { NotificationBody } from '@app/notifications';
import type { UpdateRoundBody } from '@app/reminders';
import type { ReportExportBody } from '@app/reporting';
import type { ActionBody, AttachmentBody, CommitmentBody } from '@app/tracking';
import {
  calendarFeedUrl,
  withActionLinks,
  withAttachmentUrl,
  withCommitmentLinks,
  withExportLinks,
  withImportLinks,
  withImportRowLinks,
  withNotificationLinks,
  withRoundLinks,
} from './links';

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

  const base = 'https://tracker.example.nl/v1';
  const id = '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
  const programmeId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

  it('gives a commitment its own address', () => {
    expect(withCommitmentLinks(config, { id } as CommitmentBody)._links).toEqual({
      self: { href: `${base}/commitments/${id}` },
    });
  });

  it("gives an update round its address under its programme, and its actions'", () => {
    const round = { id, programmeId } as UpdateRoundBody;
    expect(withRoundLinks(config, round)._links).toEqual({
      self: { href: `${base}/programmes/${programmeId}/update-rounds/${id}` },
      actions: { href: `${base}/programmes/${programmeId}/update-rounds/${id}/actions` },
    });
  });

  it('links a notification to its action, and one about no action to nothing', () => {
    const about = { id, actionId: programmeId } as NotificationBody;
    expect(withNotificationLinks(config, about)._links).toEqual({
      action: { href: `${base}/actions/${programmeId}` },
    });
    expect(withNotificationLinks(config, { ...about, actionId: null })._links).toEqual({});
  });

  it('gives a report export its address, and its file once it is done', () => {
    const running = { id, status: 'running' } as ReportExportBody;
    expect(withExportLinks(config, running)._links).toEqual({
      self: { href: `${base}/report-exports/${id}` },
    });
    expect(withExportLinks(config, { ...running, status: 'done' })._links).toEqual({
      self: { href: `${base}/report-exports/${id}` },
      file: { href: `${base}/report-exports/${id}/file` },
    });
  });

  it('gives an import its address and its rows, and its apply while it is planned', () => {
    const upload = { id, programmeId, status: 'planning' } as ImportBody;
    const self = `${base}/programmes/${programmeId}/imports/${id}`;
    expect(withImportLinks(config, upload)._links).toEqual({
      self: { href: self },
      rows: { href: `${self}/rows` },
    });
    expect(withImportLinks(config, { ...upload, status: 'planned' })._links).toEqual({
      self: { href: self },
      rows: { href: `${self}/rows` },
      apply: { href: `${self}/apply` },
    });
  });

  it("links an import's row to the action or commitment it is about, and keeps the hint out", () => {
    const row = { position: 3, linkedEntity: { kind: 'commitment', id } } as ImportRowBody;
    const linked = withImportRowLinks(config, row);
    expect(linked._links).toEqual({ entity: { href: `${base}/commitments/${id}` } });
    expect(linked).not.toHaveProperty('linkedEntity');
    expect(
      withImportRowLinks(config, { ...row, linkedEntity: { kind: 'action', id } })._links,
    ).toEqual({ entity: { href: `${base}/actions/${id}` } });
    expect(withImportRowLinks(config, { ...row, linkedEntity: null })._links).toEqual({});
  });

  it("gives an attachment the address of its bytes, and a calendar link its feed's", () => {
    expect(withAttachmentUrl(config, { id } as AttachmentBody).contentUrl).toBe(
      `${base}/attachments/${id}/content`,
    );
    expect(calendarFeedUrl(config, 'sbc_abc-_9')).toBe(
      `${base}/calendar-feeds/sbc_abc-_9/deadlines.ics`,
    );
  });
});
