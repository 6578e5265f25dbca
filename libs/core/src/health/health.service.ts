import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { RedisConnections, whenReady } from '../redis/redis-connections';

export interface DependencyStatus {
  status: 'up' | 'down';
  responseTimeMs: number;
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: { database: DependencyStatus; redis: DependencyStatus };
}

const CHECK_TIMEOUT_MS = 2000;

async function timed(check: () => Promise<unknown>): Promise<DependencyStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', responseTimeMs: Math.round(performance.now() - started) };
  } catch {
    return { status: 'down', responseTimeMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this process can reach what it needs: PostgreSQL and Redis. */
@Injectable()
export class HealthService implements OnModuleInit {
  private redis!: IORedis;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly connections: RedisConnections,
  ) {}

  onModuleInit(): void {
    this.redis = this.connections.create('command');
  }

  private async pingRedis(): Promise<unknown> {
    await whenReady(this.redis, CHECK_TIMEOUT_MS);
    return this.redis.ping();
  }

  async readiness(): Promise<ReadinessReport> {
    const [database, redis] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() => this.pingRedis()),
    ]);
    const ok = database.status === 'up' && redis.status === 'up';
    return { status: ok ? 'ok' : 'unavailable', checks: { database, redis } };
  }
}
