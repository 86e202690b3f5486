/**
 * Validates the data files against the contract:  npm run check:data [-- DIR]
 * Reads every *.csv in data/ (or DIR), prints every problem as `path:LINE:COLUMN: problem (fix)`
 * and exits 1 if there is any; otherwise prints a one-line summary and exits 0.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { formatProblem } from '../src/lib/data/problems.ts';
import { checkDataFiles, type DataFile } from '../src/lib/data/validate.ts';

const dir = process.argv[2] ?? 'data';
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
	console.error(`check:data: ${dir} is not a directory`);
	process.exit(1);
}
const shown = (name: string) => relative(process.cwd(), join(dir, name)).split(sep).join('/');

const files: DataFile[] = readdirSync(dir)
	.filter((name) => name.toLowerCase().endsWith('.csv'))
	.sort()
	.map((name) => ({ name, path: shown(name), bytes: new Uint8Array(readFileSync(join(dir, name))) }));

const prefix = shown('x').slice(0, -1);
const result = checkDataFiles(files, { dir: prefix });
if (result.problems.length > 0) {
	for (const p of result.problems) console.error(formatProblem(p));
	const n = result.problems.length;
	console.error(`check:data: ${n} problem${n === 1 ? '' : 's'}; fix them and run npm run check:data again`);
	process.exit(1);
}
console.log(`check:data: ${result.files} files, ${result.rows} rows, no problems`);
