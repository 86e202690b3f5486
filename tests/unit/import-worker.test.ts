/**
 * The import worker's message protocol, through the pure handler behind src/lib/import/worker.ts:
 * progress messages that only go forward, then exactly one result or one error; SheetJS loaded
 * only through the loader the worker passes (a dynamic import).
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handleImportRequest, type ImportReply } from '../../src/lib/import/protocol';

async function exchange(file: Blob | Uint8Array, name: string, options = {}) {
	const replies: ImportReply[] = [];
	let loads = 0;
	await handleImportRequest({ type: 'import', file, name, options }, (r) => replies.push(structuredClone(r)), async () => {
		loads++;
		return XLSX;
	});
	return { replies, loads };
}

describe('import worker protocol', () => {
	it('a File-like Blob: progress from 0 to 1 in order, then one result with rows, warnings and counts', async () => {
		const bytes = readFileSync('tests/fixtures/import/framework.ods');
		const { replies, loads } = await exchange(new Blob([bytes]), 'framework.ods');
		expect(loads).toBe(1);
		const progress = replies.filter((r) => r.type === 'progress');
		expect(progress.length).toBeGreaterThan(5);
		const fractions = progress.map((p) => (p.type === 'progress' ? p.fraction : -1));
		expect(fractions[0]).toBe(0);
		expect(fractions.at(-1)).toBe(1);
		expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
		expect(progress.map((p) => (p.type === 'progress' ? p.stage : '')).filter((s, i, a) => s !== a[i - 1])).toEqual(['checking', 'reading', 'importing', 'done']);
		const last = replies.at(-1)!;
		expect(replies.filter((r) => r.type !== 'progress')).toHaveLength(1);
		expect(last.type).toBe('result');
		if (last.type !== 'result') return;
		expect(last.result.layout).toBe('framework');
		expect(last.result.counts.map((c) => c.indicator_id)).toContain('rs_month');
		expect(last.result.rows.length).toBe(last.result.counts.reduce((s, c) => s + c.rows, 0));
		expect(last.result.warnings.length).toBeGreaterThan(0);
	});

	it('a refused file: one error with the message, problem and fix, and no result', async () => {
		const { replies } = await exchange(new TextEncoder().encode('not,a,spreadsheet\n'), 'notes.csv');
		const finals = replies.filter((r) => r.type !== 'progress');
		expect(finals).toEqual([
			{
				type: 'error',
				message: 'notes.csv: this is not a spreadsheet: the file is not a zip archive, not an XLSX or ODS workbook. Choose an MHCLG table saved as .xlsx or .ods',
				problem: 'this is not a spreadsheet: the file is not a zip archive, not an XLSX or ODS workbook',
				fix: 'Choose an MHCLG table saved as .xlsx or .ods',
				limit: undefined
			}
		]);
	});

	it('options pass through (areas), and an unknown request is answered with an error, not silence', async () => {
		const { replies } = await exchange(readFileSync('tests/fixtures/import/snapshot-2025.ods'), 'snapshot-2025.ods', { areas: ['E92000001'] });
		const result = replies.at(-1)!;
		expect(result.type === 'result' && new Set(result.result.rows.map((r) => r.area_code))).toEqual(new Set(['E92000001']));
		const odd: ImportReply[] = [];
		await handleImportRequest({ type: 'export' } as never, (r) => odd.push(r), async () => XLSX);
		expect(odd).toEqual([{ type: 'error', message: 'file: the import failed (unknown request "export")' }]);
	});
});
