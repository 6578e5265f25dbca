/** What a verification found. Sequences are decimal strings (PostgreSQL bigint). */
export interface ChainVerification {
  valid: boolean;
  /** Events whose hash was recomputed. */
  checked: number;
  /** The first sequence checked. */
  from: string;
  /** The last sequence of the log when the verification started; null when empty. */
  lastSequence: string | null;
  firstInvalidSequence?: string;
  reason?: string;
  checkpoint: CheckpointComparison;
}

export type CheckpointComparison =
  | { status: 'none' }
  | { status: 'unreadable'; reason: string }
  | {
      /** matches: the log holds the checkpoint's event with its hash. */
      status: 'matches' | 'differs' | 'beyond_log';
      sequence: string;
      createdAt: string;
    };
