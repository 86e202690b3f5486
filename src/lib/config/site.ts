/**
 * Site-wide switches and URL builders shared by every page.
 */

/**
 * The workbench SQL console's path, or null while it does not exist. Set it to '/workbench' and
 * every chart's "View the SQL" gains an "Open in the workbench" link (/workbench?sql=…).
 */
export const WORKBENCH_PATH: string | null = '/workbench';

/** What an embed (and /explore) shows: the query parameters of /explore, in its order. */
export interface EmbedParams {
	indicator: string;
	areas: readonly string[];
	/** Periods as in the data (YYYY, YYYY-MM) or 'latest'. */
	from: string;
	to: string;
	measure: 'count' | 'rate';
	view: 'line' | 'bars' | 'map' | 'table';
}

/**
 * "indicator=…&areas=…&from=…&to=…&measure=…&view=…" (commas in areas left readable); without
 * `indicator` where the path already names it (the embed).
 */
export function exploreQuery(p: EmbedParams, { withIndicator = true } = {}): string {
	const pairs: [string, string][] = [
		...(withIndicator ? [['indicator', p.indicator] as [string, string]] : []),
		['areas', p.areas.join(',')],
		['from', p.from],
		['to', p.to],
		['measure', p.measure],
		['view', p.view]
	];
	return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replaceAll('%2C', ',')}`).join('&');
}

/**
 * Path of a chart's embed page, from the site root: /embed/indicators/{id}/?{explore query}, less
 * `indicator` (the path fixes it; the embed page still accepts it when it is the path's).
 */
export const embedPath = (p: EmbedParams): string =>
	`/embed/indicators/${encodeURIComponent(p.indicator)}/?${exploreQuery(p, { withIndicator: false })}`;

/** The same view on /explore, from the site root (the embed's "full page" link). */
export const explorePath = (p: EmbedParams): string => `/explore?${exploreQuery(p)}`;

/** The <iframe> snippet a reader pastes into their page. */
export function embedSnippet(src: string, title: string): string {
	const escaped = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
	return `<iframe src="${escaped(src)}" title="${escaped(title)}" width="100%" height="560" style="border:0" loading="lazy"></iframe>`;
}

/** The workbench link for a query, or null while there is no workbench. */
export const workbenchHref = (base: string, sql: string): string | null =>
	WORKBENCH_PATH === null ? null : `${base}${WORKBENCH_PATH}?sql=${encodeURIComponent(sql)}`;
