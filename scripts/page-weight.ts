/**
 * The first view's budget: the JavaScript and CSS a page fetches before any interaction, each
 * file gzipped at level 9, at most 100 KB together. The page benchmark (scripts/bench-pages)
 * weighs the response bodies the browser got; the browser tests weigh the same files on disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 100;

/**
 * The gzipped bytes of the .js and .css files among `urls` that are served from `dir` under
 * `origin` (each file counted once, as the browser fetches it once).
 */
export function jsCssBytes(urls: readonly string[], origin: string, dir: string): number {
	const files = new Set(
		urls
			.filter((u) => u.startsWith(origin))
			.map((u) => decodeURIComponent(new URL(u).pathname))
			.filter((p) => /\.(js|css)$/.test(p))
	);
	let bytes = 0;
	for (const p of files) bytes += gzipSync(readFileSync(join(dir, p)), { level: 9 }).length;
	return bytes;
}
