/**
 * The user's own dataset: the figures they loaded into the workbench (their observations files,
 * any indicators, areas or sources files they brought, and the indicators computed from their
 * contact records; never the person-level records themselves). Kept in this browser's
 * origin-private file system (OPFS, navigator.storage.getDirectory()) until they clear it, so it
 * survives a reload; nothing of it is ever sent anywhere. The dashboard's pages call has/get to
 * show it under the "Showing your data" banner, and clear to go back to the published figures.
 */
import type { FileKind } from './load-protocol';

export interface UserDatasetFile {
	kind: FileKind | 'computed';
	/** The name the user knows it by: their file's name, or "figures computed from NAME". */
	name: string;
	/** CSV bytes, LF line ends, no byte-order mark. */
	bytes: Uint8Array;
}

export interface UserDataset {
	/** The file names, for the banner: "contacts.csv" or "a.csv, b.csv". */
	label: string;
	/** ISO time of the load. */
	loadedAt: string;
	files: UserDatasetFile[];
}

interface Meta {
	label: string;
	loadedAt: string;
	files: { kind: UserDatasetFile['kind']; name: string; stored: string }[];
}

const DIRECTORY = 'workbench-dataset';
const META = 'meta.json';

/** Whether this browser can keep the dataset (OPFS is missing in some private windows). */
export function canKeep(): boolean {
	return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

async function directory(create: boolean): Promise<FileSystemDirectoryHandle | undefined> {
	if (!canKeep()) return undefined;
	try {
		const root = await navigator.storage.getDirectory();
		return await root.getDirectoryHandle(DIRECTORY, { create });
	} catch {
		return undefined;
	}
}

async function write(dir: FileSystemDirectoryHandle, name: string, data: Uint8Array | string) {
	const handle = await dir.getFileHandle(name, { create: true });
	const writable = await handle.createWritable();
	await writable.write(typeof data === 'string' ? data : (data.slice().buffer as ArrayBuffer));
	await writable.close();
}

async function readMeta(dir: FileSystemDirectoryHandle): Promise<Meta | undefined> {
	try {
		const file = await (await dir.getFileHandle(META)).getFile();
		return JSON.parse(await file.text()) as Meta;
	} catch {
		return undefined;
	}
}

/** Whether a dataset is kept in this browser. */
export async function has(): Promise<boolean> {
	const dir = await directory(false);
	return dir ? (await readMeta(dir)) !== undefined : false;
}

/** The kept dataset, or undefined when there is none. */
export async function get(): Promise<UserDataset | undefined> {
	const dir = await directory(false);
	const meta = dir && (await readMeta(dir));
	if (!dir || !meta) return undefined;
	const files = await Promise.all(
		meta.files.map(async (f) => ({
			kind: f.kind,
			name: f.name,
			bytes: new Uint8Array(await (await (await dir.getFileHandle(f.stored)).getFile()).arrayBuffer())
		}))
	);
	return { label: meta.label, loadedAt: meta.loadedAt, files };
}

/**
 * Keep `dataset`, replacing any kept before. The metadata is written last, so a save cut short
 * leaves no dataset rather than half of one. Returns false when this browser cannot keep it.
 */
export async function save(dataset: UserDataset): Promise<boolean> {
	await clear();
	const dir = await directory(true);
	if (!dir) return false;
	const files = dataset.files.map((f, i) => ({ kind: f.kind, name: f.name, stored: `file-${i}.csv` }));
	for (const [i, f] of dataset.files.entries()) await write(dir, files[i].stored, f.bytes);
	await write(dir, META, JSON.stringify({ label: dataset.label, loadedAt: dataset.loadedAt, files } satisfies Meta));
	setShown(true);
	return true;
}

/** Forget the kept dataset (nothing happens when there is none). */
export async function clear(): Promise<void> {
	if (!canKeep()) return;
	try {
		const root = await navigator.storage.getDirectory();
		await root.removeEntry(DIRECTORY, { recursive: true });
	} catch {
		// Nothing kept.
	}
}

// Whether the dashboard shows the kept dataset: the user's choice, kept beside it. Only "hidden"
// is stored (in localStorage, synchronous and tiny): a dataset just loaded is shown.
const HIDDEN = 'workbench-dataset-hidden';

/** Whether the user has chosen to see the published figures rather than their kept dataset. */
export function isHidden(): boolean {
	try {
		return localStorage.getItem(HIDDEN) === '1';
	} catch {
		return false;
	}
}

/** Record the user's choice: their dataset on the dashboard (shown) or the published figures. */
export function setShown(shown: boolean): void {
	try {
		if (shown) localStorage.removeItem(HIDDEN);
		else localStorage.setItem(HIDDEN, '1');
	} catch {
		// No storage: the choice lasts for this page only.
	}
}
