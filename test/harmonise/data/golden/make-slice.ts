/**
 * Writes bench-slice.csv: every 250th row of the harmonisation bench's generated 1,000,000-row
 * file (bench/harmonise.bench.ts, same seed and generator), then a few hand-made rows that the
 * bench does not produce (a quoted name with a comma, a duplicate key, an unbalanced quote, CRLF).
 * Run once with `npx tsx test/harmonise/data/golden/make-slice.ts`; the output is committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCodeList, resolveArea } from '../../../../src/guidelines/index.js';
import { mulberry32 } from '../../../../src/util/random.js';

const rnd = mulberry32(20261123);
const byArea: string[][] = [];
for (const c of loadCodeList('CL_AREA').codes) {
  if (c.type === 'aggregate') continue;
  const texts = [c.id, (c as { iso2?: string }).iso2, c.name].filter((t): t is string => typeof t === 'string' && t.length > 0);
  const ok = texts.filter((t) => resolveArea(t)?.code === c.id);
  if (ok.length) byArea.push(ok);
}
const INDS = ['HH5', 'HH7', 'HH8', 'HH9', 'HH10', 'HH12', 'HH15', 'HH17', 'HH18'];
const SEX = ['_T', 'F', 'M'];
const URB = ['_T', 'U', 'R'];
const YEARS = Array.from({ length: 34 }, (_, i) => String(1990 + i));
const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
let out = 'area,indicator,sex,urbanisation,year,value\n';
let n = 0;
outer: for (const ind of INDS)
  for (const texts of byArea)
    for (const sex of SEX)
      for (const urb of URB)
        for (const year of YEARS) {
          if (n >= 1_000_000) break outer;
          n++;
          const r = rnd();
          let area = texts[Math.floor(rnd() * texts.length)];
          let value = (rnd() * 100).toFixed(2);
          let extra = '';
          if (r < 0.001) area = 'Atlantis';
          else if (r < 0.002) value = 'n/a';
          else if (r < 0.003) value = '140.5';
          else if (r < 0.004) value = '-3';
          else if (r < 0.005) extra = ',x';
          // keep every 250th row, and every bad one among the first 200,000
          if (n % 250 === 0 || (r < 0.005 && n < 200_000)) out += `${q(area)},${ind},${sex},${urb},${year},${value}${extra}\n`;
        }
out += '"Viet Nam",HH7,F,U,2021,55.5\r\n';
out += 'VNM,HH7,F,U,2021,56\r\n';
out += '"Lao, PDR,HH7,_T,_T,2021,40\n';
out += 'THA,HH7,_T,_T,2021,1e1\n';
out += 'THA,HH7,_T,_T,2022,..\n';
out += 'MYS,HH7,_T,_T,2022,\n';
writeFileSync(join(import.meta.dirname, 'bench-slice.csv'), out);
