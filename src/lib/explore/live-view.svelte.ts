/**
 * A view that follows the URL: the prerendered rows while the URL asks for the prerendered view,
 * otherwise the same named query run in the browser's DuckDB (started on the first such view,
 * never before). While the user shows their own dataset (lib/workbench/user-view), every view is
 * queried on its engine instead, the prerendered one too. A newer URL supersedes a query still
 * running; a failure is shown, not swallowed.
 * Call from a component's script (it sets up an effect).
 */
import type { IndicatorSeriesRow } from '$lib/data/queries';
import { userEngine } from '$lib/workbench/user-view.svelte';
import type { Engine } from '$lib/data/engine';
import { parseExplore, sameView, type ExploreCatalog, type ExploreState, type ParseResult } from './params';

export interface InitialView {
	state: ExploreState;
	rows: IndicatorSeriesRow[];
}

type Status = 'ready' | 'loading' | 'failed';

/**
 * What a page shows of a live view: 'loading' from the moment the address asks for a view other
 * than the one held, and the held view drawn only while it is the one asked for. While another
 * loads or has failed, nothing is drawn: a held chart would read as the view asked for (a shared
 * link would show the default chart, a failed query the previous one, under the asked-for form).
 */
export function presented(
	parsed: ParseResult,
	shown: InitialView,
	status: Status,
	/** The held rows come from the dataset now asked for (the published one, or the user's). */
	sameDataset = true
): { status: Status; drawn: InitialView | null } {
	const s = status === 'ready' && parsed.ok && (!sameView(parsed.state, shown.state) || !sameDataset) ? 'loading' : status;
	return { status: s, drawn: s === 'ready' ? shown : null };
}

export function liveView(options: {
	catalog: () => ExploreCatalog;
	initial: () => InitialView;
	/** The query string once mounted; null before (so hydration matches the prerendered HTML). */
	search: () => URLSearchParams | null;
	fixedIndicator?: () => string;
}) {
	const parsed: ParseResult = $derived.by(() => {
		const search = options.search();
		return search
			? parseExplore(search, options.catalog(), options.fixedIndicator?.())
			: { ok: true, state: options.initial().state, notes: [] };
	});
	// svelte-ignore state_referenced_locally
	let shown = $state<InitialView>(options.initial());
	/** The engine the held rows came from: undefined for the published figures. */
	let shownFrom: Promise<Engine> | undefined;
	let status = $state<Status>('ready');
	let failure = $state('');
	let request = 0;

	$effect(() => {
		if (!parsed.ok) return;
		const wanted = parsed.state;
		const initial = options.initial();
		const user = userEngine();
		const held =
			sameView(wanted, shown.state) && shownFrom === user ? shown : !user && sameView(wanted, initial.state) ? initial : null;
		if (held) {
			// Back at a view already drawn (Back, or the prerendered one): show it, drop any query running.
			request++;
			if (held !== shown) shown = held;
			shownFrom = user;
			status = 'ready';
			return;
		}
		const mine = ++request;
		status = 'loading';
		failure = '';
		(async () => {
			try {
				const [{ getBrowserDatabase }, { loadViewRows }] = await Promise.all([
					import('$lib/data/browser-db'),
					import('./data')
				]);
				const rows = await loadViewRows(await (user ?? getBrowserDatabase()), wanted);
				if (mine !== request) return;
				shown = { state: wanted, rows };
				shownFrom = user;
				status = 'ready';
			} catch (e) {
				if (mine !== request) return;
				failure = e instanceof Error ? e.message : String(e);
				status = 'failed';
			}
		})();
	});

	return {
		get parsed() {
			return parsed;
		},
		/** The view whose rows are held (the one drawn). */
		get shown() {
			return shown;
		},
		/** See presented(). */
		get status() {
			return presented(parsed, shown, status, shownFrom === userEngine()).status;
		},
		get failure() {
			return failure;
		},
		/** See presented(): the view to draw, or null. */
		get drawn() {
			return presented(parsed, shown, status, shownFrom === userEngine()).drawn;
		}
	};
}
