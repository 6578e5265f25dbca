import type { DataSource } from 'typeorm';
import { actieagendaTrackingSeed } from './actieagenda/tracking.seed';
import { identitySeeds } from './identity.seed';
import type { SeedConfig } from './seed-config';

export { loadSeedConfig, type SeedConfig } from './seed-config';

/** A named, idempotent step of demo data: running it twice changes nothing. */
export interface Seed {
  name: string;
  run(dataSource: DataSource, config: SeedConfig): Promise<void>;
}

/**
 * The demo data, in order. Organisations, the Actieagenda programme, demo users and the
 * bootstrap administrator come with identity (issue #3); the commitments and actions of the
 * Actieagenda with tracking (issue #5).
 */
export const seeds: Seed[] = [...identitySeeds, actieagendaTrackingSeed];

/** Runs every seed in order; returns their names. */
export async function runSeeds(dataSource: DataSource, config: SeedConfig): Promise<string[]> {
  for (const seed of seeds) {
    await seed.run(dataSource, config);
  }
  return seeds.map((seed) => seed.name);
}
