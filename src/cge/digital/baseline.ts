import { InputError } from '../../errors.js';
import { checkBaseline, splitNationalShare, type ConnectivityBaseline } from './connectivity.js';

/** The fields of a harmonised observation (a row of observations.csv) that the baseline reads. */
export interface ObservationLike {
  REF_AREA: string;
  INDICATOR: string;
  URBANISATION: string;
  SEX: string;
  AGE: string;
  INCOME_WEALTH_QUANTILE: string;
  TIME_PERIOD: string;
  OBS_VALUE: number | string;
  PROV_FILE?: string;
  PROV_ROW?: number | string;
}

/** A stated outside figure: a value with the source it comes from. */
export interface SourcedValue {
  value: number;
  source: string;
}

/** Options of {@link connectivityBaseline}. */
export interface BaselineOptions {
  /** Base year; default: the latest year with both Internet use and urban/rural population. */
  year?: string;
  /**
   * Rural/urban ratio of Internet use, used only where HH7 has no urban/rural breakdown for the
   * area and year; its source is recorded among the assumptions.
   */
  ruralUrbanRatio: SourcedValue;
}

const isTotal = (o: ObservationLike) => o.SEX === '_T' && o.AGE === '_T' && o.INCOME_WEALTH_QUANTILE === '_T';

function value(o: ObservationLike): number {
  const v = typeof o.OBS_VALUE === 'number' ? o.OBS_VALUE : Number(o.OBS_VALUE);
  if (!Number.isFinite(v)) {
    throw new InputError('BAD_OBSERVATION_VALUE', `${o.INDICATOR} for ${o.REF_AREA} ${o.TIME_PERIOD} is not a number: ${o.OBS_VALUE}`, {
      ...(o.PROV_FILE ? { file: o.PROV_FILE } : {}),
      ...(o.PROV_ROW !== undefined ? { row: Number(o.PROV_ROW) } : {}),
    });
  }
  return v;
}

const where = (o: ObservationLike) => `${o.INDICATOR}/${o.URBANISATION}/${o.TIME_PERIOD}@${o.PROV_FILE ?? '?'}:${o.PROV_ROW ?? '?'}`;

/**
 * Builds the connectivity baseline of an area from harmonised observations: urban and rural
 * population (`POP_URB`, `POP_RUR`) and Internet use (`HH7`, percent). Urban and rural use are
 * taken from HH7's URBANISATION breakdown when observed; otherwise the national value is split
 * under the stated rural/urban ratio, and that assumption is recorded. A missing series is an
 * InputError naming it — nothing is invented.
 */
export function connectivityBaseline(
  observations: readonly ObservationLike[],
  area: string,
  options: BaselineOptions,
): ConnectivityBaseline {
  const mine = observations.filter((o) => o.REF_AREA === area && isTotal(o));
  const find = (indicator: string, urbanisation: string, year: string) =>
    mine.find((o) => o.INDICATOR === indicator && o.URBANISATION === urbanisation && o.TIME_PERIOD === year);
  const years = [...new Set(mine.filter((o) => o.INDICATOR === 'HH7').map((o) => o.TIME_PERIOD))]
    .filter(
      (y) => find('POP_URB', '_T', y) && find('POP_RUR', '_T', y) && (find('HH7', '_T', y) || (find('HH7', 'U', y) && find('HH7', 'R', y))),
    )
    .sort();
  const year = options.year ?? years[years.length - 1];
  if (year === undefined || !years.includes(year)) {
    throw new InputError(
      'NO_CONNECTIVITY_BASELINE',
      `${area}: no year${options.year ? ` ${options.year}` : ''} has Internet use (HH7) together with urban and rural population (POP_URB, POP_RUR)` +
        (years.length ? `; years with all three: ${years.join(', ')}` : ''),
    );
  }
  const pu = find('POP_URB', '_T', year)!;
  const pr = find('POP_RUR', '_T', year)!;
  const hu = find('HH7', 'U', year);
  const hr = find('HH7', 'R', year);
  const provenance = [where(pu), where(pr)];
  const assumptions: string[] = [];
  let urbanShare: number;
  let ruralShare: number;
  if (hu && hr) {
    urbanShare = value(hu) / 100;
    ruralShare = value(hr) / 100;
    provenance.push(where(hu), where(hr));
  } else if (value(pr) === 0) {
    // an urban-only economy (Singapore): urban use is the national use, nothing to split
    const ht = find('HH7', '_T', year)!;
    provenance.push(where(ht));
    urbanShare = value(ht) / 100;
    ruralShare = urbanShare;
    assumptions.push(
      `${area} ${year}: no rural population, so urban Internet use is the national ${value(ht).toFixed(2)} % (no split needed)`,
    );
  } else {
    const ht = find('HH7', '_T', year)!;
    provenance.push(where(ht));
    const split = splitNationalShare(value(ht) / 100, value(pu), value(pr), options.ruralUrbanRatio.value);
    urbanShare = split.urbanShare;
    ruralShare = split.ruralShare;
    assumptions.push(
      `${area} ${year}: HH7 has no urban/rural breakdown; the national ${value(ht).toFixed(2)} % is split with rural use = ` +
        `${options.ruralUrbanRatio.value} × urban use (${options.ruralUrbanRatio.source}), giving urban ${(100 * urbanShare).toFixed(2)} %, rural ${(100 * ruralShare).toFixed(2)} %`,
    );
  }
  const b: ConnectivityBaseline = {
    area,
    year,
    urbanPopulation: value(pu),
    ruralPopulation: value(pr),
    urbanShare,
    ruralShare,
    provenance,
    assumptions,
  };
  checkBaseline(b);
  return b;
}
