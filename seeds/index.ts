import type { DataSource } from 'typeorm';

/** A named, idempotent step of demo data: running it twice changes nothing. */
export interface Seed {
  name: string;
  run(dataSource: DataSource): Promise<void>;
}

/**
 * The demo data, in order. Organisations, programmes and demo users arrive with identity
 * (issue #3); the commitments and actions of the Actieagenda with tracking (issue #5).
 */
export const seeds: Seed[] = [];

/** Runs every seed in order; returns their names. */
export async function runSeeds(dataSource: DataSource): Promise<string[]> {
  for (const seed of seeds) {
    await seed.run(dataSource);
  }
  return seeds.map((seed) => seed.name);
}
