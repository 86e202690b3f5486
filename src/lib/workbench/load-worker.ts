/**
 * The workbench's load worker: reads every dropped file with file.stream() (chunk by chunk, so
 * the page stays responsive and shows bytes and lines as they arrive), tells each file's kind from
 * its header, and checks it by the project's own rules: contacts by the records checker
 * (lib/indicators/records), indicator files by the data contract (lib/data/validate), against the
 * bundled indicators, areas and sources or the user's own. Only when every file is clean does it
 * hand the files back, as transferred buffers, for DuckDB. Terminating the worker stops all of it.
 */
import { piecesAtLineEnds } from '../csv/pieces';
import { scanCsvRecords } from '../csv/scan';
import { CELLS_FILE, OBSERVATION_COLUMNS } from '../data/files';
import { normaliseCsvText, normaliseLineEnds } from '../data/database';
import type { Problem } from '../data/problems';
import { checkDataFiles, type DataFile } from '../data/validate';
import { CONTACT_COLUMNS, checkRecordsPieces } from '../indicators/records';
import { kindOfHeader, type CheckedFile, type FileKind, type LoadMessage, type LoadRequest } from './load-protocol';

const post = (message: LoadMessage, transfer: Transferable[] = []) => postMessage(message, { transfer });

/** Progress at most every 50 ms: enough for a smooth bar, few enough messages. */
function throttle() {
	let last = 0;
	return () => {
		const now = performance.now();
		if (now - last < 50) return false;
		last = now;
		return true;
	};
}

/** The file's bytes, read as a stream into one buffer of the file's size, counting lines on the way. */
async function readFile(file: File): Promise<Uint8Array> {
	const bytes = new Uint8Array(file.size);
	const reader = file.stream().getReader();
	const due = throttle();
	let at = 0;
	let lines = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes.set(value, at);
		at += value.length;
		for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++;
		if (due()) post({ type: 'progress', file: file.name, phase: 'reading', bytesRead: at, bytesTotal: file.size, rows: lines });
	}
	post({ type: 'progress', file: file.name, phase: 'reading', bytesRead: at, bytesTotal: file.size, rows: lines });
	return bytes.subarray(0, at);
}

/**
 * The header row's names, read by the CSV toolkit's scanner from the first line of the bytes
 * (enough to tell the file's kind; the file's checker then reads the header strictly).
 */
function headerOf(bytes: Uint8Array): string[] {
	const end = bytes.indexOf(10);
	const line = new TextDecoder().decode(bytes.subarray(0, end === -1 ? Math.min(bytes.length, 4096) : end));
	let header: string[] = [];
	scanCsvRecords(line, (record) => ((header = record.fields), false), () => {});
	return header.map((c) => c.trim().toLowerCase());
}

/** The file's first bytes: enough for its header row, and so its kind, without reading it all. */
async function headBytes(file: File): Promise<Uint8Array> {
	return new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
}

/**
 * The file's bytes as its stream gives them, passed on one chunk at a time (nothing kept), with
 * progress, and whether any line needs normalising for DuckDB (a byte-order mark or a CR).
 */
function chunksOf(file: File, onChunk: (bytesRead: number) => void) {
	const seen = { cr: false, bom: false };
	async function* chunks() {
		let at = 0;
		for await (const value of streamChunks(file)) {
			if (at === 0) seen.bom = value[0] === 0xef && value[1] === 0xbb && value[2] === 0xbf;
			if (!seen.cr && value.indexOf(13) !== -1) seen.cr = true;
			at += value.length;
			onChunk(at);
			yield value;
		}
	}
	return { chunks: chunks(), seen };
}

/**
 * A contacts file's bytes as DuckDB's CSV reader wants them (LF line ends, no byte-order mark),
 * read again from the file and normalised piece by piece into one buffer no larger than the
 * file: for the files (saved on Windows, say) that DuckDB cannot read as they are.
 */
async function normalisedBytes(file: File): Promise<Uint8Array> {
	const out = new Uint8Array(file.size);
	let at = 0;
	const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
	// Only the file's first piece can start with a byte-order mark.
	const put = (bytes: Uint8Array, first: boolean) => {
		const text = decoder.decode(bytes, { stream: true });
		at += encoder.encodeInto(first ? normaliseCsvText(text) : normaliseLineEnds(text), out.subarray(at)).written;
	};
	let first = true;
	for await (const { bytes } of piecesAtLineEnds(streamChunks(file))) {
		put(bytes, first);
		first = false;
	}
	return out.subarray(0, at);
}

/** A File's bytes as its stream gives them. */
async function* streamChunks(file: File): AsyncGenerator<Uint8Array> {
	const reader = file.stream().getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return;
		yield value;
	}
}

const encoder = new TextEncoder();
/**
 * The bytes DuckDB's CSV reader gets: the file's own when it is already UTF-8 with LF line ends
 * and no byte-order mark (the usual case, and no copy), else the checked text normalised.
 */
function forDuckDb(bytes: Uint8Array, text: () => string): Uint8Array {
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	return !bom && bytes.indexOf(13) === -1 ? bytes : encoder.encode(normaliseCsvText(text()));
}

async function load({ files, reference }: LoadRequest): Promise<LoadMessage> {
	const problems: Problem[] = [];
	const checked: CheckedFile[] = [];
	const dataFiles: (DataFile & { kind: FileKind })[] = [];
	let contactsFiles = 0;
	for (const file of files) {
		const kind = kindOfHeader(headerOf(await headBytes(file)));
		if (!kind) {
			problems.push({
				file: file.name,
				line: 1,
				column: 1,
				problem: 'this is neither a contacts file nor a file in the observations format',
				fix: `give contacts the columns ${CONTACT_COLUMNS.join(',')}, or indicator figures the columns ${OBSERVATION_COLUMNS.join(',')} (data/observations.csv)`
			});
			continue;
		}
		if (kind === 'contacts') {
			if (++contactsFiles > 1) {
				problems.push({ file: file.name, line: 1, column: 1, problem: 'more than one contacts file was chosen', fix: 'load one contacts file at a time, or join them into one' });
				continue;
			}
			// Read and checked as it streams in, a piece at a time: the worker never holds the
			// whole file (a 100 MB register would otherwise sit in memory twice, as bytes and as
			// text, beside DuckDB's copy).
			const due = throttle();
			const progress = { bytesRead: 0, rows: 0 };
			const tell = () => post({ type: 'progress', file: file.name, phase: 'streaming', bytesRead: progress.bytesRead, bytesTotal: file.size, rows: progress.rows });
			const { chunks, seen } = chunksOf(file, (at) => {
				progress.bytesRead = at;
				if (due()) tell();
			});
			const result = await checkRecordsPieces(chunks, file.size, file.name, {
				onProgress: (n) => {
					progress.rows = n;
					if (due()) tell();
				}
			});
			progress.rows = result.count;
			tell();
			if (result.problems.length) problems.push(...result.problems);
			else if (!seen.bom && !seen.cr)
				// DuckDB reads the File itself (from disk, in its own worker): no copy here.
				checked.push({ name: file.name, kind, bytes: new Uint8Array(0), source: file, header: result.header, rows: result.count });
			else checked.push({ name: file.name, kind, bytes: await normalisedBytes(file), header: result.header, rows: result.count });
		} else {
			// The contract's file names: observations.csv, then observations_user2.csv and so on.
			const n = dataFiles.filter((d) => d.kind === 'observations').length;
			const name = kind === 'observations' ? (n === 0 ? 'observations.csv' : `observations_user${n + 1}.csv`) : kind === 'cells' ? CELLS_FILE : kind;
			if (dataFiles.some((d) => d.name === name)) {
				problems.push({ file: file.name, line: 1, column: 1, problem: `a second ${kind} was chosen`, fix: 'load one file of each kind (observations may be several)' });
				continue;
			}
			dataFiles.push({ name, path: file.name, bytes: await readFile(file), kind });
		}
	}
	if (dataFiles.length) {
		if (!dataFiles.some((d) => d.kind === 'observations'))
			problems.push({ file: dataFiles[0].path, line: 1, column: 1, problem: 'no observations file was chosen with it', fix: 'add the figures (a file in the observations format) to the same load' });
		// Reference files the user did not bring come from the dashboard's own data.
		const given = new Set(dataFiles.map((d) => d.name));
		const bundled = Object.entries(reference)
			.filter(([name]) => !given.has(name))
			.map(([name, bytes]) => ({ name, path: `data/${name} (published)`, bytes }));
		const result = checkDataFiles([...dataFiles, ...bundled], { requireAllFiles: false });
		problems.push(...result.problems);
		if (!result.problems.length) {
			const decoder = new TextDecoder();
			for (const d of dataFiles) {
				const text = decoder.decode(d.bytes);
				const lines = text.split('\n').filter((l) => l.trim() !== '').length - 1;
				checked.push({ name: d.path, kind: d.kind, bytes: forDuckDb(d.bytes, () => text), header: headerOf(d.bytes), rows: lines });
			}
		}
	}
	if (problems.length) return { type: 'problems', problems };
	return { type: 'done', files: checked };
}

onmessage = async (event: MessageEvent<LoadRequest>) => {
	try {
		const result = await load(event.data);
		post(result, result.type === 'done' ? result.files.map((f) => f.bytes.buffer as ArrayBuffer) : []);
	} catch (e) {
		post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
	}
};
