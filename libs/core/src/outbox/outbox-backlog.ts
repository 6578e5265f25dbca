import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What the outbox still holds, for the metrics. */
@Injectable()
export class OutboxBacklog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Events not yet relayed, and the age in seconds of the oldest (0 when none): one statement
   * over the partial index of pending events.
   */
  async read(): Promise<{ events: number; oldestAgeSeconds: number }> {
    const [row] = await this.dataSource.query<{ events: number; age: number }[]>(
      `SELECT count(*)::int AS events,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
         FROM outbox_events WHERE published_at IS NULL`,
    );
    return { events: row.events, oldestAgeSeconds: Math.max(0, row.age) };
  }
}
