// nodejs-polars (devDependency, pinned 0.25.2) doing the harmonisation bench's
// read–map–validate–write, in its own process. Usage: node bench/harmonise-polars-peer.mjs <dir>
import { readFileSync } from 'node:fs';
import pl from 'nodejs-polars';

const dir = process.argv[2];
const t0 = performance.now();
const variants = JSON.parse(readFileSync(`${dir}/variants_rows.json`, 'utf8'));
const areas = pl.DataFrame({ area: variants.map((v) => v.text), REF_AREA: variants.map((v) => v.code) });
// ragged rows: polars cannot list them; truncate_ragged_lines keeps their first cells
const raw = pl.readCSV(`${dir}/long.csv`, { inferSchemaLength: 0, truncateRaggedLines: true });
const inds = ['HH5', 'HH7', 'HH8', 'HH9', 'HH10', 'HH12', 'HH15', 'HH17', 'HH18'];
const df = raw.join(areas, { on: 'area', how: 'left' }).withColumns(pl.col('value').cast(pl.Float64, false).alias('OBS_VALUE'));
const ok = pl
  .col('REF_AREA')
  .isNotNull()
  .and(pl.col('indicator').isIn(inds))
  .and(pl.col('OBS_VALUE').gtEq(0))
  .and(pl.col('OBS_VALUE').ltEq(100))
  .and(pl.col('sex').isIn(['_T', 'F', 'M']))
  .and(pl.col('urbanisation').isIn(['_T', 'U', 'R']))
  .fillNull(false);
const out = df
  .filter(ok)
  .select(
    pl.col('REF_AREA'),
    pl.col('indicator').alias('INDICATOR'),
    pl.col('sex').alias('SEX'),
    pl.col('urbanisation').alias('URBANISATION'),
    pl.col('year').alias('TIME_PERIOD'),
    pl.col('OBS_VALUE'),
  )
  .sort(['REF_AREA', 'INDICATOR', 'SEX', 'URBANISATION', 'TIME_PERIOD']);
out.writeCSV(`${dir}/polars_obs.csv`);
const rej = df.filter(ok.not());
rej.writeCSV(`${dir}/polars_rejects.csv`);
const secs = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ secs, rss_mb: process.resourceUsage().maxRSS / 1024, obs: out.height, rejects: rej.height }));
