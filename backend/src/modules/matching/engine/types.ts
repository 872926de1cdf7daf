/**
 * The matching engine's data: pure values, no I/O. The data/API layer turns database rows into a
 * MatchingInput and stores the MatchingResult; the engine never sees ids it was not given.
 */

/** One heat of the competition: a division's type's round's numbered heat. */
export interface HeatSlot {
  id: string;
  divisionId: string;
  typeId: string;
  roundId: string;
  number: number;
  /** Scheduled start, epoch ms; null when the organiser gave no time. */
  startsAt: number | null;
  /** For people, e.g. "Novice J&J Prelims heat 3". */
  label: string;
}

/** When two heats clash; set per event. */
export interface ClashRules {
  heatMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Without times: heats of the same division, type and round clash within ±numberWindow (default 1). */
  numberWindow: number;
}

export interface Dancer {
  id: string;
  name: string;
  city: string | null;
  country: string | null;
  willingToRecord: boolean;
  /** History, for karma = recordingsDone - recordingsReceived. */
  recordingsDone: number;
  recordingsReceived: number;
  /** Ids of the heats the dancer dances. */
  heats: string[];
}

export interface Assignment {
  heatId: string;
  /** The dancer being filmed. */
  dancerId: string;
  recorderId: string;
}

export interface MatchingInput {
  heats: HeatSlot[];
  dancers: Dancer[];
  rules: ClashRules;
  /** Per recorder per event, kept ones included (default 3). */
  maxRecordingsPerRecorder: number;
  /** Accepted earlier: kept as is, and they count against caps and clashes. */
  kept: Assignment[];
  /** Pairs (heat, dancer, recorder) never suggested again. */
  declined: Assignment[];
}

export type ExplanationKind = 'same_city' | 'same_country' | 'anyone';

export type Explanation = {
  kind: ExplanationKind;
  recorderName: string;
  recorderCity: string | null;
  /** An English sentence, e.g. "No free recorder in your city; Ben from Berlin will film you." */
  text: string;
};

export type SuggestedAssignment = Assignment & { explanation: Explanation };

export interface UncoveredDemand {
  heatId: string;
  dancerId: string;
  reason: 'no_free_recorder';
}

export interface MatchingStats {
  /** (dancer, heat) pairs wanting a recorder, the kept ones included. */
  demands: number;
  /** Demands with a recorder after this run: kept + new suggestions. */
  covered: number;
  /** Demands covered by kept assignments. */
  keptCovered: number;
  /** Demands with at least one eligible recorder (ignoring caps). */
  eligible: number;
  /**
   * A proven ceiling on `covered` for any valid assignment: kept + the max flow of the relaxed
   * network (caps and per-recorder clash groups, see docs/matching.md). Never above `eligible`.
   */
  upperBound: number;
  /**
   * Population standard deviation of each dancer's covered share (covered / eligible demands of
   * that dancer), over dancers with an eligible demand; 0 = everyone equally served.
   */
  fairnessSpread: number;
  /** Wall time of the run; the only non-deterministic field. */
  ms: number;
}

export interface MatchingResult {
  /** New suggestions only, not the kept ones. */
  assignments: SuggestedAssignment[];
  uncovered: UncoveredDemand[];
  stats: MatchingStats;
}
