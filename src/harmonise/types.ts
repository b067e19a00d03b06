import type { UnmappedColumn } from './unmapped.js';

/** Cells of one source: read, kept as observations, rejected, and filtered by reason. */
export interface SourceCounts {
  /** Source id of the mapping. */
  sourceId: string;
  /** Mapping file. */
  mapping: string;
  /** Data file as shown in provenance. */
  file: string;
  /** Release date of the source. */
  releaseDate: string;
  /** Data cells read (value cells: one per year column in a wide file, one per value column in a long one). */
  cells: number;
  /** Cells that are observations in the output. */
  observations: number;
  /** Cells in rejects.csv. */
  rejected: number;
  /** Cells left out on purpose, by reason (MISSING, AGGREGATE, OUT_OF_SCOPE, SUPERSEDED, …). */
  filtered: Record<string, number>;
  /** Columns no part of the mapping reads, with what they hold (not data cells of the ledger). */
  unmapped?: UnmappedColumn[];
}

/** Totals of a run; the invariant is `cells = observations + rejected + filtered`. */
export interface HarmoniseCounts {
  cells: number;
  observations: number;
  rejected: number;
  filtered: number;
  /** Per source, in mapping order. */
  sources: SourceCounts[];
}

/** A row (or cell) that could not be harmonised. */
export interface RejectRecord {
  sourceId: string;
  file: string;
  sheet: string;
  /** 1-based row as a person sees it. */
  row: number;
  /** Column name (empty for a whole-row problem). */
  column: string;
  /** Stable reason code, e.g. UNKNOWN_AREA, OUT_OF_RANGE, CSV_UNBALANCED_QUOTE. */
  code: string;
  message: string;
  /** Number of data cells this reject accounts for. */
  cells: number;
  /** The original row text. */
  text: string;
}

/** Two sources gave the same key: which one was kept and why. */
export interface ConflictRecord {
  /** Code of every key dimension of the DSD (REF_AREA, INDICATOR, each breakdown, TIME_PERIOD). */
  key: Readonly<Record<string, string>>;
  keptSource: string;
  keptRelease: string;
  keptValue: number;
  droppedSource: string;
  droppedRelease: string;
  droppedValue: number;
  droppedFile: string;
  droppedRow: number;
  droppedColumn: string;
  /** Why the kept one won: `priority` or `release date` or `first listed`. */
  reason: string;
}

/** A quality warning (the observation stays). */
export interface QualityWarning {
  /** Rule id, e.g. QR_BREAKDOWN_URBANISATION. */
  rule: string;
  message: string;
}
