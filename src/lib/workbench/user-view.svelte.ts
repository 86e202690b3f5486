/**
 * "Your data on the dashboard": whether the site's views show the user's kept dataset
 * (./user-dataset) in place of the published figures, and the browser engine that holds it.
 * The layout calls sync() on every view; only when a dataset is kept and not switched off does
 * anything of DuckDB load: a workbench engine (./workbench-db) with the user's tables in place of
 * the published ones, exactly as the workbench's console sees them. A page then re-runs its own
 * load function (the one the build ran on the Node engine) on that engine: withUserData below.
 */
import type { Engine } from '$lib/data/engine';

/** What the banner shows: the dataset's label while the views show it, undefined otherwise. */
export const userView = $state<{ label: string | undefined; failure: string }>({ label: undefined, failure: '' });

let engine: Promise<Engine> | undefined;
let loadedAt: string | undefined;

/** Follow the kept dataset and the user's choice (cheap when there is none: no DuckDB). */
export async function sync(): Promise<void> {
	const kept = await import('./user-dataset');
	const dataset = !kept.isHidden() && (await kept.has()) ? await kept.get() : undefined;
	if (!dataset) {
		userView.label = undefined;
		return;
	}
	if (dataset.loadedAt !== loadedAt) {
		const previous = engine;
		loadedAt = dataset.loadedAt;
		engine = (async () => {
			await (await previous?.catch(() => undefined))?.close().catch(() => {});
			const { createWorkbenchDb } = await import('./workbench-db');
			const db = await createWorkbenchDb();
			await db.useDataset(dataset);
			return db;
		})();
		engine.catch((e) => (userView.failure = `Your data could not be loaded: ${e instanceof Error ? e.message : String(e)}`));
	}
	userView.failure = '';
	userView.label = dataset.label;
}

/** The engine with the user's dataset, while the views show it. */
export const userEngine = (): Promise<Engine> | undefined => (userView.label === undefined ? undefined : engine);

/** Back to the published figures: the dataset stays kept (the workbench can show it again or clear it). */
export async function backToPublished(): Promise<void> {
	(await import('./user-dataset')).setShown(false);
	userView.label = undefined;
}

/**
 * A page's data: the prerendered `published` data, or (while the user's dataset is shown) the same
 * load re-run on its engine. Call from a component's script (it sets up an effect).
 */
export function withUserData<T>(published: () => T, reload: (engine: Engine, published: T) => Promise<T>) {
	let mine = $state<T | undefined>();
	$effect(() => {
		const base = published();
		const running = userEngine();
		mine = undefined;
		if (!running) return;
		let current = true;
		running
			.then((e) => reload(e, base))
			.then(
				(data) => current && (mine = data),
				(e) => current && (userView.failure = `Your data could not be shown here: ${e instanceof Error ? e.message : String(e)}`)
			);
		return () => (current = false);
	});
	return {
		get data(): T {
			return mine ?? published();
		},
		/** Whether the data drawn are the user's. */
		get mine() {
			return mine !== undefined;
		}
	};
}
