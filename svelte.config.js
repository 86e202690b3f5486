import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { writeHeadersFile } from './scripts/headers.mjs';

/**
 * SvelteKit's route announcer carries one inline style attribute (sveltejs/kit#11993). Rather than
 * allow any inline style, allow exactly that attribute value by its hash, read from Kit's own
 * source so the hash follows Kit upgrades.
 */
function announcerStyleHashes() {
	const root = createRequire(import.meta.url).resolve('@sveltejs/kit/package.json').replace(/package\.json$/, '');
	const source = readFileSync(`${root}src/core/sync/write_root.js`, 'utf8');
	const style = source.match(/id="svelte-announcer"[^>]*\sstyle="([^"]*)"/)?.[1];
	return style ? ['unsafe-hashes', `sha256-${createHash('sha256').update(style).digest('base64')}`] : [];
}

/** Served under a sub-path when BASE_PATH is set, e.g. BASE_PATH=/rough-sleeping npm run build. */
const base = process.env.BASE_PATH ?? '';
/** Where the static site is written (the tests also build a sub-path copy elsewhere). */
const out = process.env.BUILD_DIR ?? 'build';

/**
 * adapter-static, then the site's `_headers` (HTTP headers, the CSP among them) written from the
 * pages it just wrote. Wrapping the adapter, rather than a Vite closeBundle hook, runs this
 * after the pages exist whichever way the build is started (`npm run build`, `npx vite build`).
 * @param {import('@sveltejs/kit').Adapter} inner
 * @returns {import('@sveltejs/kit').Adapter}
 */
function withHeadersFile(inner) {
	return {
		...inner,
		async adapt(builder) {
			await inner.adapt(builder);
			writeHeadersFile(out, { base });
			builder.log.minor(`Wrote ${out}/_headers`);
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: withHeadersFile(adapter({ pages: out, assets: out, fallback: undefined, precompress: false, strict: true })),
		paths: { base, relative: true },
		prerender: { entries: ['*'], handleHttpError: 'fail', handleMissingId: 'fail' },
		// Strict CSP, delivered as a <meta> tag in every prerendered page and, with frame-ancestors
		// added, as a header (scripts/headers.mjs writes _headers from the meta). Inline scripts SvelteKit
		// writes are allowed by hash; nothing else may run. 'wasm-unsafe-eval' lets DuckDB compile its
		// WebAssembly; workers and fetches stay on this origin.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self'],
				'style-src-attr': announcerStyleHashes(),
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
