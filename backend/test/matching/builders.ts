import type {
  ClashRules,
  Dancer,
  HeatSlot,
  MatchingInput,
} from '../../src/modules/matching/engine';

export const RULES: ClashRules = {
  heatMinutes: 3,
  bufferBeforeMinutes: 5,
  bufferAfterMinutes: 5,
  numberWindow: 1,
};

/** A heat of "nov/jj/prelims" numbered `number`, untimed unless startsAt is given. */
export function buildHeat(id: string, over: Partial<HeatSlot> = {}): HeatSlot {
  return {
    id,
    divisionId: 'nov',
    typeId: 'jj',
    roundId: 'prelims',
    number: 1,
    startsAt: null,
    label: `Novice J&J Prelims ${id}`,
    ...over,
  };
}

export function buildDancer(id: string, heats: string[], over: Partial<Dancer> = {}): Dancer {
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    city: 'Berlin',
    country: 'DE',
    willingToRecord: true,
    recordingsDone: 0,
    recordingsReceived: 0,
    heats,
    ...over,
  };
}

export function buildInput(over: Partial<MatchingInput>): MatchingInput {
  return {
    heats: [],
    dancers: [],
    rules: RULES,
    maxRecordingsPerRecorder: 3,
    kept: [],
    declined: [],
    ...over,
  };
}
