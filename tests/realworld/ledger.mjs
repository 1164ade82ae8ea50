// The judged ledger: one row per report the plugin makes on the real-world corpus, with a verdict and its reason.
// Rows are matched to reports by package, file, line, column, rule and messageId; `configs` lists the configs that
// make the report.
import fs from 'node:fs';
import path from 'node:path';
import { here } from './prepare.mjs';

export const LEDGER = path.join(here, 'ledger.tsv');
export const COLUMNS = ['package', 'file', 'line', 'column', 'rule', 'messageId', 'configs', 'verdict', 'reason'];
export const VERDICTS = ['true', 'false', 'debatable'];

export const keyOf = (row) => [row.package, row.file, row.line, row.column, row.rule, row.messageId].join('\t');

export function readLedger(file = LEDGER) {
  if (!fs.existsSync(file)) return [];
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  if (header !== COLUMNS.join('\t')) throw new Error(`${path.basename(file)}: the header must be ${COLUMNS.join(' | ')}`);
  return lines.map((line, index) => {
    const cells = line.split('\t');
    const where = `${path.basename(file)} row ${index + 2}`;
    if (cells.length !== COLUMNS.length) throw new Error(`${where}: ${cells.length} cells, expected ${COLUMNS.length}`);
    const row = Object.fromEntries(COLUMNS.map((column, i) => [column, cells[i]]));
    row.line = Number(row.line);
    row.column = Number(row.column);
    row.configs = row.configs.split(',');
    if (!VERDICTS.includes(row.verdict)) throw new Error(`${where}: verdict "${row.verdict}" is not one of ${VERDICTS.join(', ')}`);
    if (row.reason.trim().length < 10) throw new Error(`${where}: a verdict needs a reason a reviewer can check`);
    return row;
  });
}

export function formatRow(row) {
  return COLUMNS.map((column) => (column === 'configs' ? row.configs.join(',') : String(row[column]))).join('\t');
}

export function writeLedger(rows, file = LEDGER) {
  const sorted = [...rows].sort((a, b) => keyOf(a).localeCompare(keyOf(b), 'en', { numeric: true }));
  fs.writeFileSync(file, `${[COLUMNS.join('\t'), ...sorted.map(formatRow)].join('\n')}\n`);
}

/**
 * Matches the run's reports to the ledger. `unjudged`: reports with no row; `stale`: rows whose report is gone;
 * `configsChanged`: rows whose report is now made by other configs (judge the row again).
 */
export function compare(packages, rows) {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  const seen = new Set();
  const unjudged = [];
  const configsChanged = [];
  const judged = [];
  for (const pkg of packages) {
    for (const report of pkg.reports) {
      const key = keyOf({ package: pkg.name, ...report });
      const row = byKey.get(key);
      if (!row) {
        unjudged.push({ package: pkg.name, ...report });
        continue;
      }
      seen.add(key);
      if (row.configs.join(',') !== report.configs.join(',')) configsChanged.push({ row, configs: report.configs });
      judged.push({ ...row, configs: report.configs });
    }
  }
  const stale = rows.filter((row) => !seen.has(keyOf(row)) && packages.some((pkg) => pkg.name === row.package));
  return { judged, unjudged, stale, configsChanged };
}
