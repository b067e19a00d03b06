import { InputError, UsageError } from '../../errors.js';

/**
 * Connectivity of a country's population at a base year, from harmonised observations: urban and
 * rural population and the share of each using the Internet (HH7, SDG 17.8.1). This is what the
 * digital-divide model's four household groups (urban/rural × connected/not connected) are sized by.
 *
 * Shares are fractions in [0, 1] (HH7 is published in percent: divide by 100). Populations are
 * persons.
 */
export interface ConnectivityBaseline {
  area: string;
  year: string;
  urbanPopulation: number;
  ruralPopulation: number;
  /** Connected share of urban people. */
  urbanShare: number;
  /** Connected share of rural people. */
  ruralShare: number;
  /** Observations used (`INDICATOR/URBANISATION@file:row`), for provenance. */
  provenance: string[];
  /** Assumptions made where an observation was missing, in words. */
  assumptions: string[];
}

/** Populations of the four household groups of the digital-divide model (persons). */
export interface AccessGroups {
  URB_CON: number;
  URB_UNC: number;
  RUR_CON: number;
  RUR_UNC: number;
}

/** Names of the four household groups. */
export type AccessGroup = keyof AccessGroups;

/** Splits urban and rural population by connected share into the four groups. */
export function accessGroups(b: ConnectivityBaseline): AccessGroups {
  return {
    URB_CON: b.urbanPopulation * b.urbanShare,
    URB_UNC: b.urbanPopulation * (1 - b.urbanShare),
    RUR_CON: b.ruralPopulation * b.ruralShare,
    RUR_UNC: b.ruralPopulation * (1 - b.ruralShare),
  };
}

/** Connected share of the whole population (what HH7 with URBANISATION = _T measures). */
export function totalShare(b: ConnectivityBaseline): number {
  return (b.urbanPopulation * b.urbanShare + b.ruralPopulation * b.ruralShare) / (b.urbanPopulation + b.ruralPopulation);
}

/**
 * Urban and rural connected shares when only the national share is observed: with the rural share
 * assumed to be `ratio` times the urban one (`ratio` = rural use / urban use, from a stated outside
 * source), the population-weighted mean must equal the national share:
 *   s_U·(P_U + ratio·P_R) = s·(P_U + P_R).
 * When that would put the urban share above 1, the urban share is 1 and the rural share takes the rest.
 */
export function splitNationalShare(
  national: number,
  urbanPopulation: number,
  ruralPopulation: number,
  ratio: number,
): { urbanShare: number; ruralShare: number } {
  if (!(national >= 0 && national <= 1)) throw new UsageError('SHARE_OUT_OF_RANGE', `a connected share must be in [0, 1], got ${national}`);
  if (!(ratio > 0 && ratio <= 1)) throw new UsageError('RATIO_OUT_OF_RANGE', `the rural/urban use ratio must be in (0, 1], got ${ratio}`);
  const total = urbanPopulation + ruralPopulation;
  let urbanShare = (national * total) / (urbanPopulation + ratio * ruralPopulation);
  let ruralShare = ratio * urbanShare;
  if (urbanShare > 1) {
    urbanShare = 1;
    ruralShare = (national * total - urbanPopulation) / ruralPopulation;
  }
  return { urbanShare, ruralShare };
}

/** A target for connectivity stated in the guideline's indicators. */
export type ConnectivityTarget =
  /** HH7 (individuals using the Internet) for the given URBANISATION reaches `percent`. */
  | { kind: 'use-reaches'; urbanisation: 'U' | 'R' | '_T'; percent: number }
  /** A fraction of the urban–rural gap in HH7 is closed by raising rural use. */
  | { kind: 'close-gap'; fraction: number };

/** One movement of people between household groups. */
export interface PopulationMove {
  from: AccessGroup;
  to: AccessGroup;
  persons: number;
}

/** The household-group populations before and after a connectivity target is met, and the moves between them. */
export interface ConnectivityShift {
  before: AccessGroups;
  after: AccessGroups;
  moves: PopulationMove[];
  /** The connected shares after the shift. */
  urbanShare: number;
  ruralShare: number;
  /** The target as stated, in words, with the baseline values it started from. */
  statement: string;
}

function percent(x: number): string {
  return `${(100 * x).toFixed(2)} %`;
}

/**
 * Translates a connectivity target stated in indicators into movements of people from unconnected
 * to connected household groups of the same location. A target below the baseline is refused (the
 * scenario would disconnect people: state that explicitly if it is meant). A national target
 * (`_T`) raises urban and rural use by the same number of percentage points, capped at 100 %.
 */
export function connectivityShift(b: ConnectivityBaseline, target: ConnectivityTarget): ConnectivityShift {
  let urbanShare = b.urbanShare;
  let ruralShare = b.ruralShare;
  let statement: string;
  const rural = target.kind === 'close-gap' || target.urbanisation === 'R';
  if (rural && !(b.ruralPopulation > 0)) {
    throw new UsageError(
      'NO_RURAL_POPULATION',
      `${b.area} ${b.year} has no rural population (UN WUP 2018): a scenario about rural Internet use does not apply to it`,
    );
  }
  if (target.kind === 'close-gap') {
    if (!(target.fraction >= 0 && target.fraction <= 1)) {
      throw new UsageError('GAP_FRACTION_OUT_OF_RANGE', `the fraction of the gap to close must be in [0, 1], got ${target.fraction}`);
    }
    ruralShare = b.ruralShare + target.fraction * Math.max(0, b.urbanShare - b.ruralShare);
    statement = `close ${target.fraction * 100} % of the urban–rural gap in Internet use (HH7): rural ${percent(b.ruralShare)} → ${percent(ruralShare)} (urban ${percent(b.urbanShare)})`;
  } else {
    const level = target.percent / 100;
    if (!(level >= 0 && level <= 1))
      throw new UsageError('SHARE_OUT_OF_RANGE', `a target for HH7 must be between 0 and 100 %, got ${target.percent}`);
    if (target.urbanisation === 'U') urbanShare = level;
    else if (target.urbanisation === 'R') ruralShare = level;
    else {
      const current = totalShare(b);
      // equal rise d in both, capped at 1: solve P_U·min(s_U + d, 1) + P_R·min(s_R + d, 1) = level·P by bisection
      const P = b.urbanPopulation + b.ruralPopulation;
      const reached = (d: number) =>
        (b.urbanPopulation * Math.min(b.urbanShare + d, 1) + b.ruralPopulation * Math.min(b.ruralShare + d, 1)) / P;
      let lo = 0;
      let hi = 1;
      for (let k = 0; k < 200 && hi - lo > 1e-15; k++) {
        const mid = (lo + hi) / 2;
        if (reached(mid) < level) lo = mid;
        else hi = mid;
      }
      if (level < current) lo = hi = 0;
      urbanShare = Math.min(b.urbanShare + hi, 1);
      ruralShare = Math.min(b.ruralShare + hi, 1);
    }
    statement = `Internet use (HH7, URBANISATION=${target.urbanisation}) reaches ${target.percent} % (baseline: urban ${percent(b.urbanShare)}, rural ${percent(b.ruralShare)}, total ${percent(totalShare(b))})`;
  }
  if (urbanShare < b.urbanShare - 1e-12 || ruralShare < b.ruralShare - 1e-12) {
    throw new UsageError(
      'TARGET_BELOW_BASELINE',
      `the target is below the ${b.area} ${b.year} baseline (urban ${percent(b.urbanShare)}, rural ${percent(b.ruralShare)}): a connectivity scenario only connects people`,
    );
  }
  urbanShare = Math.max(urbanShare, b.urbanShare);
  ruralShare = Math.max(ruralShare, b.ruralShare);
  const before = accessGroups(b);
  const after = accessGroups({ ...b, urbanShare, ruralShare });
  const moves: PopulationMove[] = [];
  const du = after.URB_CON - before.URB_CON;
  const dr = after.RUR_CON - before.RUR_CON;
  if (du > 0) moves.push({ from: 'URB_UNC', to: 'URB_CON', persons: du });
  if (dr > 0) moves.push({ from: 'RUR_UNC', to: 'RUR_CON', persons: dr });
  return { before, after, moves, urbanShare, ruralShare, statement };
}

/** Checks a baseline's numbers; throws an InputError naming the field. */
export function checkBaseline(b: ConnectivityBaseline): void {
  const bad = (field: string, v: number, what: string) =>
    new InputError('BAD_CONNECTIVITY_BASELINE', `${b.area} ${b.year}: ${field} is ${v}, expected ${what}`);
  if (!(b.urbanPopulation > 0)) throw bad('urban population', b.urbanPopulation, 'a positive number of persons');
  // zero rural population is an urban-only economy (Singapore); negative or missing is an error
  if (!(b.ruralPopulation >= 0)) throw bad('rural population', b.ruralPopulation, 'zero or a positive number of persons');
  if (!(b.urbanShare >= 0 && b.urbanShare <= 1)) throw bad('the urban connected share', b.urbanShare, 'a fraction in [0, 1]');
  if (!(b.ruralShare >= 0 && b.ruralShare <= 1)) throw bad('the rural connected share', b.ruralShare, 'a fraction in [0, 1]');
}
