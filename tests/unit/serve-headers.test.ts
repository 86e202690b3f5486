/**
 * scripts/headers.mjs: the `_headers` file (Netlify / Cloudflare Pages syntax) the build writes and
 * the server applies, read and matched as those hosts do, written from each page's meta policy,
 * and turned into the README's nginx map. Expected values are written out by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHeadersText, headersFor, metaPolicy, nginxPolicyMap, parseHeaders, servedPaths } from '../../scripts/headers.mjs';
import { EMBED_POLICY, HOME_POLICY, makeSite, PAGE_POLICY } from './serve-fixture';

describe('parseHeaders', () => {
	it('reads path lines and the indented headers under them, skipping comments and blank lines', () => {
		const text = '# a comment\n\n/*\n  X-A: 1\n  X-B:two words: and a colon\n\n/embed/*\n\tContent-Security-Policy: frame-ancestors *\n';
		expect(parseHeaders(text)).toEqual([
			{ pattern: '/*', line: 3, headers: [['X-A', '1'], ['X-B', 'two words: and a colon']] },
			{ pattern: '/embed/*', line: 7, headers: [['Content-Security-Policy', 'frame-ancestors *']] }
		]);
	});

	it('names the file and line of what it cannot read', () => {
		expect(() => parseHeaders('  X-A: 1\n', 'site/_headers')).toThrow('site/_headers:1: a header comes before any path pattern');
		expect(() => parseHeaders('/*\n  not a header\n')).toThrow('_headers:2: expected "Header-Name: value" (got "not a header")');
		expect(() => parseHeaders('/*\n  X-A: 1\nembed/*\n')).toThrow('_headers:3: a path pattern must start with "/"');
	});
});

describe('headersFor', () => {
	const rules = parseHeaders(
		'/*\n  X-Content-Type-Options: nosniff\n/_app/*\n  Cache-Control: immutable\n/a.html\n  X-Exact: yes\n/embed/*\n  Content-Security-Policy: frame-ancestors *\n/embed/*/card\n  Content-Security-Policy: img-src data:\n'
	);
	const of = (path: string) => Object.fromEntries(headersFor(rules, path));

	it('matches * across any characters, slashes included, and everything else literally', () => {
		expect(of('/_app/immutable/x.js')).toEqual({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'immutable' });
		expect(of('/_appx')).toEqual({ 'X-Content-Type-Options': 'nosniff' });
		expect(of('/a.html')).toEqual({ 'X-Content-Type-Options': 'nosniff', 'X-Exact': 'yes' });
		expect(of('/aXhtml')).toEqual({ 'X-Content-Type-Options': 'nosniff' });
		expect(of('/a.html/more')).toEqual({ 'X-Content-Type-Options': 'nosniff' });
	});

	it('joins one header named by several matching rules with ", " (two CSPs: both enforced)', () => {
		expect(of('/embed/x/card')['Content-Security-Policy']).toBe('frame-ancestors *, img-src data:');
	});
});

describe('metaPolicy and servedPaths', () => {
	it("reads the meta policy as SvelteKit writes it, unescaping the attribute and dropping a last ';'", () => {
		const html = `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;; script-src &#39;sha256-x&#39;;"></head>`;
		expect(metaPolicy(html)).toBe("default-src 'self'; script-src 'sha256-x'");
		expect(metaPolicy('<meta name="viewport" content="width=device-width">')).toBeUndefined();
	});

	it('lists the URLs a page file is served at', () => {
		expect(servedPaths('index.html', '')).toEqual(['/', '/index.html']);
		expect(servedPaths('index.html', '/rs')).toEqual(['/rs/', '/rs/index.html', '/rs']);
		expect(servedPaths('methodology.html', '')).toEqual(['/methodology', '/methodology.html', '/methodology/']);
		expect(servedPaths('embed/index.html', '/rs')).toEqual(['/rs/embed', '/rs/embed/', '/rs/embed/index.html']);
	});
});

describe('buildHeadersText', () => {
	it('writes every response header, the worker policy, one policy per page URL and a closed one per other file', () => {
		const fixture = makeSite();
		try {
			const rules = parseHeaders(buildHeadersText(fixture.site, { base: '/rs' }));
			const csp = (path: string) => headersFor(rules, path).get('Content-Security-Policy');
			expect(headersFor(rules, '/rs/anything').get('X-Content-Type-Options')).toBe('nosniff');
			expect(headersFor(rules, '/rs/anything').get('Referrer-Policy')).toBe('no-referrer');
			expect(csp('/rs/')).toBe(`${HOME_POLICY}; frame-ancestors 'none'`);
			expect(csp('/rs/methodology')).toBe(`${PAGE_POLICY}; frame-ancestors 'none'`);
			expect(csp('/rs/embed/card.html')).toBe(`${EMBED_POLICY}; frame-ancestors *`);
			expect(csp('/rs/_app/immutable/assets/engine.worker.js')).toBe(
				"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; frame-ancestors 'none'"
			);
			expect(csp('/rs/methodology/__data.json')).toBe("default-src 'none'; frame-ancestors 'none'");
			// Each path has at most one policy: none is joined with another.
			for (const rule of rules) expect(csp(rule.pattern.replace('*', 'x')) ?? '', rule.pattern).not.toContain(', ');
			// The base path is on every pattern: nothing matches outside it.
			expect(rules.filter((r) => r.pattern !== '/rs' && !r.pattern.startsWith('/rs/'))).toEqual([]);
		} finally {
			fixture.done();
		}
	});

	it('refuses a page with no meta policy, or one that already names frame-ancestors', () => {
		const fixture = makeSite();
		try {
			writeFileSync(join(fixture.site, 'bare.html'), '<html><head></head></html>');
			expect(() => buildHeadersText(fixture.site)).toThrow(/bare\.html: no <meta http-equiv="content-security-policy">/);
			const framed = readFileSync(join(fixture.site, 'index.html'), 'utf8').replace('script-src', 'frame-ancestors *; script-src');
			writeFileSync(join(fixture.site, 'bare.html'), framed);
			expect(() => buildHeadersText(fixture.site)).toThrow(/bare\.html: the meta policy names frame-ancestors/);
		} finally {
			fixture.done();
		}
	});
});

describe('nginxPolicyMap', () => {
	it('maps exact paths to themselves and * patterns to anchored regexes, with a closed default', () => {
		const rules = parseHeaders("/*\n  X-A: 1\n/_app/immutable/*\n  Content-Security-Policy: default-src 'none'\n/a.html\n  Content-Security-Policy: img-src \"q\"\n");
		expect(nginxPolicyMap(rules).split('\n').slice(1)).toEqual([
			'map $uri $site_csp {',
			`\tdefault "default-src 'none'; frame-ancestors 'none'";`,
			`\t"~^/_app/immutable/.*$" "default-src 'none'";`,
			`\t"/a.html" "img-src \\"q\\"";`,
			'}',
			''
		]);
	});
});
