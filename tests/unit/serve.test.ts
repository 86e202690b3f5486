/**
 * scripts/serve.mjs, the server behind `npm start`, `npm run preview` and the browser tests, on a
 * small built site: it never answers with a file outside the build folder, refuses malformed
 * paths with a 400 and keeps running, serves pages at their extensionless URLs and wasm as
 * application/wasm, and sends the headers of the site's _headers file on every response.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.mjs';
import { closeServer, EMBED_POLICY, HOME_POLICY, makeSite, PAGE_POLICY, rawGet, SECRET, useServedSite } from './serve-fixture';

const WORKER_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; frame-ancestors 'none'";

describe('serve: paths', () => {
	const site = useServedSite();

	const climbing = [
		'/..%2Fsecret.txt',
		'/..%2F..%2Fpackage.json',
		'/..%2Fsite-secret%2Fsecret.txt',
		'/..%2fsite-secret/secret.txt',
		'/%2e%2e/secret.txt',
		'/%2E%2E%2Fsecret.txt',
		'/.%2e/secret.txt',
		'/..%5Csecret.txt',
		'/%2e%2e%5csecret.txt',
		'/..\\secret.txt',
		'/../secret.txt',
		'/_app/../../secret.txt',
		'/%252e%252e%252fsecret.txt'
	];
	for (const path of climbing) {
		it(`${path}: refused, and nothing from beside the build is sent`, async () => {
			const reply = await rawGet(site.url, path);
			expect([400, 404]).toContain(reply.status);
			expect(reply.body).not.toContain(SECRET);
		});
	}

	it('refuses malformed escapes and control characters with 400, and keeps serving', async () => {
		for (const path of ['/%E0%A4%A', '/%', '/%zz', '/methodology%', '/%C0%AF', '/a%00b', '/%0d%0aX-Injected:%201']) {
			const reply = await rawGet(site.url, path);
			expect(reply.status, path).toBe(400);
			expect(reply.headers['x-injected'], path).toBeUndefined();
		}
		const home = await rawGet(site.url, '/');
		expect(home.status).toBe(200);
		expect(home.body).toContain('<h1>Home</h1>');
	});

	it('serves pages at their extensionless URLs and as .html, and sends /page/ to /page', async () => {
		const page = await rawGet(site.url, '/methodology');
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toMatch(/^text\/html/);
		expect(page.body).toContain('<h1>Methodology</h1>');
		expect((await rawGet(site.url, '/methodology.html')).body).toContain('<h1>Methodology</h1>');
		expect((await rawGet(site.url, '/embed/card')).body).toContain('<h1>Card</h1>');
		const slash = await rawGet(site.url, '/methodology/?tab=2');
		expect(slash.status).toBe(308);
		expect(slash.headers.location).toBe('/methodology?tab=2');
		expect((await rawGet(site.url, '/methodology//')).headers.location).toBe('/methodology');
		expect((await rawGet(site.url, '/no-such-page')).status).toBe(404);
	});

	it('serves a page built as x/index.html at x/ and sends x (and x//) there, as a static host does', async () => {
		const page = await rawGet(site.url, '/areas/E08000025/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('<h1>Birmingham</h1>');
		const bare = await rawGet(site.url, '/areas/E08000025?tab=2');
		expect(bare.status).toBe(308);
		expect(bare.headers.location).toBe('/areas/E08000025/?tab=2');
		expect((await rawGet(site.url, '/areas/E08000025//')).headers.location).toBe('/areas/E08000025/');
		expect((await rawGet(site.url, '/areas/E08000025/index.html')).body).toContain('<h1>Birmingham</h1>');
		// A folder without index.html is no page, with or without the slash.
		expect((await rawGet(site.url, '/areas/')).status).toBe(404);
		expect((await rawGet(site.url, '/areas')).status).toBe(404);
		// Files are served at their own names, never with a slash added.
		expect((await rawGet(site.url, '/robots.txt/')).headers.location).toBe('/robots.txt');
	});

	it('serves .wasm as application/wasm and answers HEAD; refuses other methods', async () => {
		const wasm = await rawGet(site.url, '/_app/immutable/assets/engine.wasm');
		expect(wasm.status).toBe(200);
		expect(wasm.headers['content-type']).toBe('application/wasm');
		expect(wasm.body).toBe('\0asm');
		const head = await rawGet(site.url, '/methodology', 'HEAD');
		expect(head.status).toBe(200);
		expect(head.body).toBe('');
		const post = await rawGet(site.url, '/methodology', 'POST');
		expect(post.status).toBe(405);
		expect(post.headers.allow).toBe('GET, HEAD');
	});

	it('never serves the _headers file itself (a host applies it and hides it)', async () => {
		expect((await rawGet(site.url, '/_headers')).status).toBe(404);
	});
});

describe('serve: headers', () => {
	const site = useServedSite();

	it('sends nosniff and no-referrer on every response, refusals and misses included', async () => {
		for (const path of ['/', '/methodology', '/robots.txt', '/_app/immutable/assets/engine.wasm', '/nope', '/%', '/..%2Fsecret.txt']) {
			const reply = await rawGet(site.url, path);
			expect(reply.headers['x-content-type-options'], path).toBe('nosniff');
			expect(reply.headers['referrer-policy'], path).toBe('no-referrer');
		}
	});

	it("sends each page its own meta policy with frame-ancestors 'none', at every URL it is served at", async () => {
		for (const path of ['/', '/index.html']) {
			expect((await rawGet(site.url, path)).headers['content-security-policy'], path).toBe(`${HOME_POLICY}; frame-ancestors 'none'`);
		}
		for (const path of ['/methodology', '/methodology.html', '/methodology/']) {
			expect((await rawGet(site.url, path)).headers['content-security-policy'], path).toBe(`${PAGE_POLICY}; frame-ancestors 'none'`);
		}
	});

	it('lets any site frame a page under /embed/, and only there', async () => {
		expect((await rawGet(site.url, '/embed/card')).headers['content-security-policy']).toBe(`${EMBED_POLICY}; frame-ancestors *`);
	});

	it('gives worker scripts (and all of _app/immutable) the worker policy, and other files a closed one', async () => {
		const worker = await rawGet(site.url, '/_app/immutable/assets/engine.worker.js');
		expect(worker.headers['content-security-policy']).toBe(WORKER_POLICY);
		expect(worker.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect((await rawGet(site.url, '/robots.txt')).headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
	});

	it('reads the headers from the _headers file, whatever it says', async () => {
		writeFileSync(join(site.fixture.site, '_headers'), '/robots.*\n  X-From-The-File: yes\n/*\n  X-Everywhere: 1\n');
		const own = await serve({ dir: site.fixture.site, port: 0 });
		try {
			const robots = await rawGet(own.url, '/robots.txt');
			expect(robots.headers['x-from-the-file']).toBe('yes');
			expect(robots.headers['x-everywhere']).toBe('1');
			expect(robots.headers['content-security-policy']).toBeUndefined();
			expect((await rawGet(own.url, '/methodology')).headers['x-from-the-file']).toBeUndefined();
		} finally {
			await closeServer(own.server);
		}
	});
});

describe('serve: under a base path', () => {
	const site = useServedSite({ base: '/rough-sleeping' });

	it('serves the site under the base, nothing outside it, and the headers written for it', async () => {
		expect(site.url).toMatch(/\/rough-sleeping\/$/);
		const home = await rawGet(site.url, '/rough-sleeping/');
		expect(home.body).toContain('<h1>Home</h1>');
		expect(home.headers['content-security-policy']).toBe(`${HOME_POLICY}; frame-ancestors 'none'`);
		const bare = await rawGet(site.url, '/rough-sleeping');
		expect(bare.status).toBe(308);
		expect(bare.headers.location).toBe('/rough-sleeping/');
		const page = await rawGet(site.url, '/rough-sleeping/methodology');
		expect(page.body).toContain('<h1>Methodology</h1>');
		const area = await rawGet(site.url, '/rough-sleeping/areas/E08000025');
		expect(area.status).toBe(308);
		expect(area.headers.location).toBe('/rough-sleeping/areas/E08000025/');
		expect((await rawGet(site.url, '/rough-sleeping/areas/E08000025/')).body).toContain('<h1>Birmingham</h1>');
		expect((await rawGet(site.url, '/rough-sleeping/methodology/')).headers.location).toBe('/rough-sleeping/methodology');
		expect(page.headers['content-security-policy']).toBe(`${PAGE_POLICY}; frame-ancestors 'none'`);
		expect((await rawGet(site.url, '/methodology')).status).toBe(404);
		expect((await rawGet(site.url, '/rough-sleepingmethodology')).status).toBe(404);
		for (const path of ['/rough-sleeping/..%2F..%2Fsecret.txt', '/rough-sleeping/%2e%2e/secret.txt', '/rough-sleeping%2F..%2Fsecret.txt']) {
			const reply = await rawGet(site.url, path);
			expect([400, 404], path).toContain(reply.status);
			expect(reply.body).not.toContain(SECRET);
		}
	});
});

describe('serve: start-up', () => {
	it('refuses to start on a build without _headers, saying how to make one', async () => {
		const fixture = makeSite();
		try {
			await expect(serve({ dir: fixture.site, port: 0 })).rejects.toThrow(/_headers is missing: build the site with `npm run build`/);
		} finally {
			fixture.done();
		}
	});
});
