/** The first view's weight: which of a page's requests count against the budget, and how. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { jsCssBytes } from '../../scripts/page-weight';

const dir = mkdtempSync(join(tmpdir(), 'page-weight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, '_app'));
const js = 'const a = 1;\n'.repeat(500);
const css = 'a { color: #12436d; }\n'.repeat(200);
writeFileSync(join(dir, '_app/app.js'), js);
writeFileSync(join(dir, '_app/site.css'), css);
writeFileSync(join(dir, '_app/duckdb.wasm'), 'x'.repeat(10_000));

describe('jsCssBytes', () => {
	it("counts each of the site's .js and .css files once, gzipped at level 9, and nothing else", () => {
		const origin = 'http://127.0.0.1:4173';
		const urls = [
			`${origin}/_app/app.js`,
			`${origin}/_app/app.js`, // fetched again: counted once
			`${origin}/_app/site.css?v=1`,
			`${origin}/_app/duckdb.wasm`, // not JS or CSS
			'http://elsewhere.example/_app/app.js' // another origin: not the site's
		];
		const expected = gzipSync(js, { level: 9 }).length + gzipSync(css, { level: 9 }).length;
		expect(jsCssBytes(urls, origin, dir)).toBe(expected);
		// Far smaller than the raw files: the budget is of what travels.
		expect(expected).toBeLessThan((js.length + css.length) / 10);
	});
});
