/** The statistics counters as the dashboards read them (keys S1; written by store/counters.ts). */
import type { Store } from './client';
import { readCounters, type RegionCounters } from './counters';

export class DynamoStatsRepository {
  constructor(private readonly store: Store) {}

  /** A year's counters, of every region or of one: one Query. */
  read(year: number, region?: string): Promise<RegionCounters> {
    return readCounters(this.store, year, region);
  }
}
