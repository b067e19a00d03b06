import { InputError } from '../errors.js';
import { getConcordance, splitsFor } from '../guidelines/classification.js';
import type { Sam } from './sam.js';
import { splitAccount } from './split.js';

/** A digital split made by {@link splitDigitalSectors}. */
export interface DigitalSplitApplied {
  /** Account that was split. */
  account: string;
  /** New account holding the digital part, and its digital sector. */
  parts: { label: string; digitalSector: string; share: number }[];
}

/**
 * Splits the mixed sectors of a SAM into their digital parts with the shares of the guideline's
 * digital-sector classification (`guidelines/classification/digital-sectors.json`), keeping balance.
 * For each mixed sector of the concordance, the accounts `A-<base>`, `C-<base>` and `M-<base>`
 * present in the SAM (or the account named exactly as the sector) are split by gross-output share:
 * the digital part becomes `<account>-<DIGITAL_SECTOR>`, the rest keeps the old label. Each split is
 * logged with the guideline's citation as its source.
 * @param concordanceId e.g. `BPS_IO_2012`, `THAI_SAM_2006`
 * @param area CL_AREA code for area-specific shares, when the guideline has them
 */
export function splitDigitalSectors(sam: Sam, concordanceId: string, area?: string): { sam: Sam; applied: DigitalSplitApplied[] } {
  const conc = getConcordance(concordanceId);
  if (!conc) throw new InputError('DIGITAL_UNKNOWN_CONCORDANCE', `the guideline has no concordance '${concordanceId}'`);
  let out = sam;
  const applied: DigitalSplitApplied[] = [];
  for (const e of conc.entries) {
    if (e.status !== 'mixed') continue;
    const splits = splitsFor(concordanceId, e.sector, area);
    const base = e.sector.replace(/^[ACM]-/, '');
    let accounts = ['A-', 'C-', 'M-'].map((p) => `${p}${base}`).filter((l) => out.has(l));
    if (accounts.length === 0 && out.has(e.sector)) accounts = [e.sector];
    for (const account of accounts) {
      const rest = 1 - splits.reduce((a, s) => a + s.share, 0);
      const parts = [...splits.map((s) => ({ label: `${account}-${s.digitalSector}`, share: s.share })), { label: account, share: rest }];
      const source = splits
        .map(
          (s) =>
            `guideline ${concordanceId} ${e.sector} → ${s.digitalSector} ${s.share}${s.areaSpecific ? ` (${area})` : ''}: ${s.split.source.kind} — ${s.split.source.citation}`,
        )
        .join('; ');
      out = splitAccount(out, account, parts, source);
      applied.push({
        account,
        parts: splits.map((s) => ({ label: `${account}-${s.digitalSector}`, digitalSector: s.digitalSector, share: s.share })),
      });
    }
  }
  return { sam: out, applied };
}
