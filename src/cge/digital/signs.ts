/**
 * Why real GDP and the households' money-metric gain of a scenario can have opposite signs, said
 * in one sentence from the run's own figures (so the report never shows the two apart without a
 * word): real GDP values the economy's final output at benchmark prices — investment, government
 * consumption and net exports included — while the gain values what households consume at the
 * new prices, so a scenario that moves income between factors (and so between household groups)
 * can raise the one and lower the other.
 * @module
 */

/** The figures of one run that the explanation is built from (money in US$ million). */
export interface SignInputs {
  /** Real GDP at market prices, % change. */
  gdpPct: number;
  /** Households' money-metric gain, US$ million. */
  evAggregate: number;
  /** Each household group's part of the gain, US$ million (they add up to `evAggregate`). */
  groups: readonly { household: string; gain: number }[];
  /** Each factor's employment (benchmark efficiency units, US$ million) and real wage change (%). */
  factors: readonly { factor: string; employmentBase: number; employment: number; realWagePct: number }[];
}

const money = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

/**
 * The explanation when real GDP and the households' gain have opposite signs, else null: which
 * groups' losses (or gains) outweigh the others', and the factor whose real wage moved most, with
 * its supply before and after.
 */
export function whySignsDisagree(r: SignInputs): string | null {
  if (!(r.gdpPct * r.evAggregate < 0)) return null;
  const against = r.groups.filter((g) => g.gain * r.evAggregate > 0).sort((a, b) => Math.abs(b.gain) - Math.abs(a.gain));
  const others = r.groups.filter((g) => !(g.gain * r.evAggregate > 0));
  const list = (gs: readonly { household: string; gain: number }[]) => gs.map((g) => `${g.household} ${money(g.gain)}`).join(', ');
  const f = [...r.factors].sort((a, b) => Math.abs(b.realWagePct) - Math.abs(a.realWagePct))[0];
  const factor = f
    ? ` The largest price move is that of ${f.factor}: its supply goes from ${f.employmentBase.toFixed(0)} to ${f.employment.toFixed(0)} (benchmark US$ million) and its real wage changes by ${f.realWagePct.toFixed(1)} %.`
    : '';
  return (
    `Why real GDP ${r.gdpPct > 0 ? 'rises' : 'falls'} while the households’ money-metric gain is ${r.evAggregate > 0 ? 'positive' : 'negative'}: ` +
    `real GDP values final output (investment, government consumption and net exports included) at benchmark prices, the gain values what households consume at the new prices; ` +
    `the ${r.evAggregate < 0 ? 'losses' : 'gains'} of ${list(against)} US$ million outweigh ${others.length ? `the ${r.evAggregate < 0 ? 'gains' : 'losses'} of ${list(others)} US$ million` : 'the others'}.${factor}`
  );
}
