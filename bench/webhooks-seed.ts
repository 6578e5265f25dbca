/**
 * What `bench:webhooks` delivers: a programme put in with SQL (an organisation, a track, a
 * coordinator), its webhook subscriptions made through the real service as a coordinator
 * makes them, and events that are real changes: actions created through ActionsService, the
 * API's own path (the action, its audit event and its outbox event in one transaction).
 */
import { Module } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AuditModule } from '@app/audit';
import { type AppConfig, CoreModule } from '@app/core';
import type { Principal } from '@app/identity';
import { ActionsService, TrackingModule } from '@app/tracking';
import { type WebhookEventType, WebhooksModule, WebhookSubscriptionsService } from '@app/webhooks';
import { type ConcurrentResult, runConcurrent } from './harness';

/** The types each subscription asks for; the benchmark's events are the first. */
export const SUBSCRIBED_TYPES: WebhookEventType[] = [
  'nl.sterk-bestuur.action.created',
  'nl.sterk-bestuur.action.changed',
  'nl.sterk-bestuur.action.progress-posted',
  'nl.sterk-bestuur.action.closed',
];

export function webhooksBenchModule(config: AppConfig) {
  @Module({ imports: [CoreModule.forRoot(config), AuditModule, TrackingModule, WebhooksModule] })
  class WebhooksBench {}
  return WebhooksBench;
}

export interface SeededProgramme {
  programmeId: string;
  trackId: string;
  organisationId: string;
  coordinator: Principal;
}

export async function seedProgramme(dataSource: DataSource): Promise<SeededProgramme> {
  const [organisation] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO organisations (code, name, kind) VALUES ('BZK', 'Ministerie van BZK', 'ministry')
     RETURNING id`,
  );
  const [user] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO users (email, display_name, organisation_id)
     VALUES ('coordinator@bench.example.nl', 'Coördinator Actieagenda', $1) RETURNING id`,
    [organisation.id],
  );
  const [programme] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO programmes (name, slug) VALUES ('Actieagenda Sterk Bestuur', 'actieagenda')
     RETURNING id`,
  );
  const [track] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO tracks (programme_id, name, position) VALUES ($1, 'Vertrouwen', 0) RETURNING id`,
    [programme.id],
  );
  await dataSource.query(
    `INSERT INTO memberships (programme_id, user_id, role) VALUES ($1, $2, 'coordinator')`,
    [programme.id, user.id],
  );
  return {
    programmeId: programme.id,
    trackId: track.id,
    organisationId: organisation.id,
    coordinator: {
      kind: 'user',
      userId: user.id,
      organisationId: organisation.id,
      isPlatformAdmin: false,
      memberships: new Map([[programme.id, 'coordinator']]),
    },
  };
}

/** Subscribes `urls` (one subscription each) through the service; answers their secrets. */
export async function subscribe(
  context: INestApplicationContext,
  seeded: SeededProgramme,
  urls: readonly string[],
): Promise<string[]> {
  const service = context.get(WebhookSubscriptionsService);
  const secrets: string[] = [];
  for (const [index, url] of urls.entries()) {
    const created = await service.create(seeded.coordinator, seeded.programmeId, {
      url,
      description: `Benchmark-ontvanger ${index + 1}`,
      eventTypes: SUBSCRIBED_TYPES,
    });
    secrets.push(created.secret);
  }
  return secrets;
}

/** Creates `count` actions through ActionsService over `writers` concurrent loops. */
export function createActions(
  context: INestApplicationContext,
  seeded: SeededProgramme,
  count: number,
  writers: number,
  signal: AbortSignal,
): Promise<ConcurrentResult> {
  const actions = context.get(ActionsService);
  return runConcurrent(count, writers, signal, (i) =>
    actions.create(seeded.coordinator, {
      programmeId: seeded.programmeId,
      trackId: seeded.trackId,
      title: `Benchmarkactie ${i + 1}: regionale samenwerking versterken`,
      description: 'Gemaakt door npm run bench:webhooks.',
      ownerOrganisationId: seeded.organisationId,
      deadline: '2031-12-31',
      tags: ['benchmark'],
    }),
  );
}
