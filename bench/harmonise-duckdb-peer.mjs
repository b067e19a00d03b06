// DuckDB doing the harmonisation bench's read–map–validate–write in SQL, in its own process
// (so that its peak RSS is its own). Usage: node bench/harmonise-duckdb-peer.mjs <dir>
import { DuckDBInstance } from '@duckdb/node-api';

const dir = process.argv[2];
const t0 = performance.now();
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await db.connect();
await c.run(`CREATE TABLE variants AS SELECT * FROM read_json('${dir}/variants_rows.json')`);
await c.run(
  `CREATE TABLE raw AS SELECT * FROM read_csv('${dir}/long.csv', header = true, all_varchar = true, store_rejects = true, ignore_errors = true)`,
);
await c.run(
  `CREATE TABLE mapped AS SELECT r.*, v.code AS REF_AREA, TRY_CAST(r.value AS DOUBLE) AS OBS_VALUE FROM raw r LEFT JOIN variants v ON v.text = r.area`,
);
const ok =
  "REF_AREA IS NOT NULL AND OBS_VALUE BETWEEN 0 AND 100 AND sex IN ('_T','F','M') AND urbanisation IN ('_T','U','R') AND indicator IN ('HH5','HH7','HH8','HH9','HH10','HH12','HH15','HH17','HH18')";
await c.run(
  `COPY (SELECT REF_AREA, indicator AS INDICATOR, sex AS SEX, urbanisation AS URBANISATION, year AS TIME_PERIOD, OBS_VALUE FROM mapped WHERE ${ok} ORDER BY ALL) TO '${dir}/duckdb_obs.csv' (HEADER)`,
);
await c.run(`COPY (SELECT * FROM mapped WHERE NOT (${ok}) OR (${ok}) IS NULL) TO '${dir}/duckdb_rejects.csv' (HEADER)`);
const n = await c.runAndReadAll(
  `SELECT (SELECT count(*) FROM mapped WHERE ${ok}) AS obs, (SELECT count(*) FROM mapped WHERE NOT (${ok}) OR (${ok}) IS NULL) AS rej, (SELECT count(*) FROM reject_errors) AS ragged`,
);
const [obs, rej, ragged] = n.getRows()[0].map(Number);
const secs = (performance.now() - t0) / 1000;
c.closeSync();
db.closeSync();
process.stdout.write(JSON.stringify({ secs, rss_mb: process.resourceUsage().maxRSS / 1024, obs, rejects: rej, ragged }));
