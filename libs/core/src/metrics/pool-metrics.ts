import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Metrics } from './metrics';

/** The counters node-postgres keeps on its pool (no query). */
interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function poolOf(dataSource: DataSource): PgPoolCounts | undefined {
  // TypeORM's PostgresDriver keeps its pg Pool as `master`.
  const pool = (dataSource.driver as unknown as { master?: Partial<PgPoolCounts> }).master;
  return typeof pool?.totalCount === 'number' ? (pool as PgPoolCounts) : undefined;
}

/** The database pool of this process: connections in use and idle, and requests waiting. */
@Injectable()
export class PoolMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'sbt_db_pool_connections',
      'Connections of this process to PostgreSQL, by state (in_use, idle).',
      ['state'],
      () => {
        const pool = poolOf(this.dataSource);
        return Promise.resolve(
          pool
            ? [
                { labels: { state: 'in_use' }, value: pool.totalCount - pool.idleCount },
                { labels: { state: 'idle' }, value: pool.idleCount },
              ]
            : [],
        );
      },
    );
    this.metrics.gauge(
      'sbt_db_pool_waiting_requests',
      'Queries of this process waiting for a free PostgreSQL connection.',
      [],
      () => {
        const pool = poolOf(this.dataSource);
        return Promise.resolve(pool ? [{ value: pool.waitingCount }] : []);
      },
    );
  }
}
