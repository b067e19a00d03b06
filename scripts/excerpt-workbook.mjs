// Copies chosen worksheets of a published workbook, cell by cell (values, formulas with their
// cached results, merged ranges, column widths), into a smaller workbook with fixed dates, so that
// a test fixture keeps the publisher's real layout without shipping the whole file.
// usage: node scripts/excerpt-workbook.mjs <in.xlsx> <out.xlsx> <sheet> [<sheet> …]
import ExcelJS from 'exceljs';

const [input, output, ...sheets] = process.argv.slice(2);
if (!input || !output || sheets.length === 0) {
  process.stderr.write('usage: node scripts/excerpt-workbook.mjs <in.xlsx> <out.xlsx> <sheet> [<sheet> …]\n');
  process.exit(2);
}
const src = new ExcelJS.Workbook();
await src.xlsx.readFile(input);
const out = new ExcelJS.Workbook();
const epoch = new Date(Date.UTC(2000, 0, 1));
out.created = epoch;
out.modified = epoch;
out.creator = 'digicge excerpt-workbook';
for (const name of sheets) {
  const ws = src.getWorksheet(name);
  if (!ws) {
    process.stderr.write(`no sheet '${name}' in ${input}\n`);
    process.exit(1);
  }
  const to = out.addWorksheet(name);
  const merges = ws.model.merges ?? [];
  const slave = new Set();
  for (const m of merges) {
    const [a, b] = m.split(':');
    const ca = ws.getCell(a);
    const cb = ws.getCell(b);
    for (let r = ca.row; r <= cb.row; r++) for (let c = ca.col; c <= cb.col; c++) if (r !== ca.row || c !== ca.col) slave.add(`${r},${c}`);
  }
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (slave.has(`${r},${c}`)) return;
      let v = cell.value;
      // shared formulas refer to a master cell the excerpt may renumber: keep the cached result
      if (v && typeof v === 'object' && 'sharedFormula' in v) v = v.result ?? null;
      to.getCell(r, c).value = v;
    });
  });
  for (const m of merges) to.mergeCells(m);
  ws.columns?.forEach((col, i) => {
    if (col.width) to.getColumn(i + 1).width = col.width;
  });
}
await out.xlsx.writeFile(output);
