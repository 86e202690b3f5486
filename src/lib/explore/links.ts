/**
 * Where an indicator's full, prerendered page is: /indicators/{id}/ once that route exists (it
 * lands with the indicator pages), else `fallback`. Detected from the routes at build time, so no
 * link points nowhere.
 */
import { base } from '$app/paths';

const indicatorPages = Object.keys(import.meta.glob('/src/routes/indicators/\\[indicator_id\\]/+page.svelte'));

export const fullPageHref = (indicatorId: string, fallback: 'embed' | 'explore'): string => {
	const id = encodeURIComponent(indicatorId);
	if (indicatorPages.length) return `${base}/indicators/${id}/`;
	// The embed is prerendered with the indicator's default view (works without JavaScript).
	return fallback === 'embed' ? `${base}/embed/indicators/${id}/` : `${base}/explore?indicator=${id}`;
};
