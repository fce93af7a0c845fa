/** Tables of the analysis view as CSV (RFC 4180, formula-safe: the export module's cells). */
import { CSV_BOM, csvRow } from '../export/csv';

export interface DataTable {
  columns: string[];
  rows: Array<Array<string | number>>;
}

export function tableToCsv(table: DataTable): string {
  return CSV_BOM + [csvRow(table.columns), ...table.rows.map((r) => csvRow(r))].join('\r\n') + '\r\n';
}
