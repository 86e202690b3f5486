/**
 * For npm run data:official: replace the 2010-2019 snapshot rows compiled from
 * ../shared/data/official by an import of the published autumn 2019 workbook (the same code as
 * npm run import:official), and write the cell of every value to data/provenance/observation_cells.csv.
 * The values must not change: any difference between the workbook and the compiled CSV stops
 * the run. Without the workbook the compiled rows stay and observation_cells.csv is left as it is.
 */
import * as XLSX from '@e965/xlsx';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { importCsvs } from '../src/lib/import/csv.ts';
import { importWorkbook } from '../src/lib/import/import.ts';
import { readGrids } from '../src/lib/import/read.ts';

export const SNAPSHOT_2019_FILE = 'rough_sleeping_snapshot_autumn_2019_tables.xlsx';
export const SNAPSHOT_2019_SOURCE = 'mhclg_snapshot_2019';

type Obs = [string, string, string, string, string, string, string];

export async function snapshotFromWorkbook(dir: string, observations: Obs[], out: string): Promise<void> {
	const path = `${dir}/${SNAPSHOT_2019_FILE}`;
	if (!existsSync(path)) {
		console.warn(`${path} not found: the 2010-2019 snapshot rows stay as compiled; data/provenance/observation_cells.csv not rewritten`);
		return;
	}
	const grids = await readGrids(new Uint8Array(readFileSync(path)), SNAPSHOT_2019_FILE, XLSX);
	const result = importWorkbook(grids, SNAPSHOT_2019_FILE, { sourceId: SNAPSHOT_2019_SOURCE });
	for (const r of result.rows) {
		const at = observations.findIndex((o) => o[0] === r.indicator_id && o[1] === r.area_code && o[2] === r.period);
		const old = observations[at];
		if (!old || old[5] !== SNAPSHOT_2019_SOURCE || old[3] !== String(r.value ?? '') || old[4] !== r.marker) {
			throw new Error(`${SNAPSHOT_2019_FILE}: ${r.area_code} ${r.period} reads ${r.value ?? r.marker} but the compiled figures hold ${old ? `${old[3] || old[4]} (${old[5]})` : 'nothing'}; the values must not change`);
		}
		observations[at] = [r.indicator_id, r.area_code, r.period, String(r.value ?? ''), r.marker, r.source_id, r.note];
	}
	writeFileSync(`${out}/provenance/observation_cells.csv`, importCsvs(result).cells);
	console.log(`${SNAPSHOT_2019_FILE}: ${result.rows.length} snapshot rows read from the workbook, each with its cell`);
}
