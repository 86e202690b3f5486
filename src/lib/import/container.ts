/**
 * Checks a file's container before any spreadsheet library parses it: what kind of file it is,
 * the zip's central directory (entry count, declared sizes, compression ratio), the real
 * inflated size of every entry (a crafted directory can lie, so each entry is inflated with a
 * running count and abandoned the moment it passes its declared size or the limit), encryption
 * (OLE/CFB EncryptionInfo, ODS manifest encryption-data, zip encryption flags), and for ODS the
 * expanded cell count of `number-columns-repeated` / `number-rows-repeated` runs, which SheetJS
 * would otherwise materialise cell by cell.
 *
 * Runs the same in Node and in a browser worker (DecompressionStream).
 */
import { ImportError, LIMITS, megabytes, refuseLimit } from './limits.ts';

export type ContainerKind = 'xlsx' | 'ods' | 'xls';

const SPREADSHEET_FIX = 'Choose an MHCLG table saved as .xlsx or .ods';

interface ZipEntry {
	name: string;
	method: number;
	flags: number;
	compressedSize: number;
	size: number;
	localOffset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** The zip's central directory, read from its End Of Central Directory record. */
export function zipDirectory(bytes: Uint8Array, file: string): ZipEntry[] {
	const notZip = () =>
		new ImportError(file, 'the zip archive inside the file is damaged (no readable central directory)', `${SPREADSHEET_FIX}, downloaded again in full`);
	let eocd = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
		if (u32(bytes, i) === 0x06054b50) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw notZip();
	const count = u16(bytes, eocd + 10);
	const dirOffset = u32(bytes, eocd + 16);
	if (count === 0xffff || dirOffset === 0xffffffff) {
		throw new ImportError(file, 'the zip archive uses ZIP64, which no spreadsheet of this size needs', SPREADSHEET_FIX);
	}
	if (count > LIMITS.zipEntries) refuseLimit(file, 'zipEntries', `the zip holds ${count} entries`, SPREADSHEET_FIX);
	const entries: ZipEntry[] = [];
	let p = dirOffset;
	for (let n = 0; n < count; n++) {
		if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw notZip();
		const nameLength = u16(bytes, p + 28);
		entries.push({
			flags: u16(bytes, p + 8),
			method: u16(bytes, p + 10),
			compressedSize: u32(bytes, p + 20),
			size: u32(bytes, p + 24),
			name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
			localOffset: u32(bytes, p + 42)
		});
		p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
	}
	return entries;
}

function entryData(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
	const p = entry.localOffset;
	if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) {
		throw new ImportError(file, `the zip entry ${entry.name} is damaged`, `${SPREADSHEET_FIX}, downloaded again in full`);
	}
	const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
	return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflate one entry, counting as it goes: stops (and refuses) as soon as the output passes the
 * entry's declared size or the budget left, so a bomb costs at most that many bytes.
 */
async function inflateBounded(data: Uint8Array, entry: ZipEntry, budget: number, file: string): Promise<Uint8Array> {
	if (entry.method === 0) return data;
	if (entry.method !== 8) {
		throw new ImportError(file, `the zip entry ${entry.name} uses compression method ${entry.method}, not deflate`, SPREADSHEET_FIX);
	}
	const cap = Math.min(entry.size, budget);
	const reader = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		let step: ReadableStreamReadResult<Uint8Array>;
		try {
			step = await reader.read();
		} catch {
			throw new ImportError(file, `the zip entry ${entry.name} does not inflate (corrupt data)`, `${SPREADSHEET_FIX}, downloaded again in full`);
		}
		if (step.done) break;
		total += step.value.length;
		if (total > cap) {
			await reader.cancel();
			if (total > budget) {
				refuseLimit(file, 'inflatedBytes', `its zip entries inflate to more than ${megabytes(LIMITS.inflatedBytes)}`, 'This is not a normal spreadsheet (a "zip bomb"?); use the file as published by MHCLG');
			}
			throw new ImportError(file, `the zip entry ${entry.name} inflates to more than the ${entry.size} bytes its directory declares`, 'The archive has been tampered with; use the file as published by MHCLG');
		}
		chunks.push(step.value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

/** Expanded count of cells with content in each table of an ODS content.xml. */
export function odsCellCounts(xml: string): { sheet: string; cells: number }[] {
	const sheets: { sheet: string; cells: number }[] = [];
	let current: { sheet: string; cells: number } | undefined;
	let rowRepeat = 1;
	const tag = /<(\/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(\/?)>/g;
	let open: { repeat: number; hasContent: boolean } | undefined;
	for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
		const [, closing, name, attrs, selfClosing] = m;
		if (name === 'table' && !closing) {
			current = { sheet: /table:name="([^"]*)"/.exec(attrs)?.[1] ?? `sheet ${sheets.length + 1}`, cells: 0 };
			sheets.push(current);
		} else if (name === 'table-row' && !closing) {
			rowRepeat = Number(/number-rows-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
		} else if (name === 'table-cell' || name === 'covered-table-cell') {
			if (!closing) {
				const repeat = Number(/number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
				const typed = /value-type=/.test(attrs);
				if (selfClosing) {
					if (typed && current) current.cells += repeat * rowRepeat;
				} else open = { repeat, hasContent: typed };
			} else if (open && current) {
				// A cell with children is text SheetJS keeps; count it whatever its type.
				current.cells += open.repeat * rowRepeat;
				open = undefined;
			}
		}
	}
	return sheets;
}

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** Everything the importer knows about the file before parsing it. */
export interface Container {
	kind: ContainerKind;
	/** For xlsx and ods: every entry, inflated (and so bounded) by the checks. */
	entries?: { name: string; data: Uint8Array }[];
}

/**
 * The checked entries as a zip with no compression, for SheetJS: it then inflates nothing itself
 * (its pure-JS inflate is the slowest part of reading a large ODS in a browser; the checks have
 * already inflated every entry with the platform's own), and only ever sees bounded data.
 */
export function storedZip(entries: { name: string; data: Uint8Array }[]): Uint8Array {
	const names = entries.map((e) => new TextEncoder().encode(e.name));
	const size = entries.reduce((s, e, i) => s + 30 + names[i].length + e.data.length + 46 + names[i].length, 22);
	const out = new Uint8Array(size);
	const view = new DataView(out.buffer);
	let p = 0;
	const offsets: number[] = [];
	entries.forEach((e, i) => {
		offsets.push(p);
		view.setUint32(p, 0x04034b50, true);
		view.setUint16(p + 4, 20, true);
		view.setUint32(p + 18, e.data.length, true);
		view.setUint32(p + 22, e.data.length, true);
		view.setUint16(p + 26, names[i].length, true);
		out.set(names[i], p + 30);
		out.set(e.data, p + 30 + names[i].length);
		p += 30 + names[i].length + e.data.length;
	});
	const dir = p;
	entries.forEach((e, i) => {
		view.setUint32(p, 0x02014b50, true);
		view.setUint16(p + 4, 20, true);
		view.setUint16(p + 6, 20, true);
		view.setUint32(p + 20, e.data.length, true);
		view.setUint32(p + 24, e.data.length, true);
		view.setUint16(p + 28, names[i].length, true);
		view.setUint32(p + 42, offsets[i], true);
		out.set(names[i], p + 46);
		p += 46 + names[i].length;
	});
	view.setUint32(p, 0x06054b50, true);
	view.setUint16(p + 8, entries.length, true);
	view.setUint16(p + 10, entries.length, true);
	view.setUint32(p + 12, p - dir, true);
	view.setUint32(p + 16, dir, true);
	return out;
}

/**
 * Refuse anything that is not a spreadsheet we can read safely; say which kind it is otherwise.
 * Reports progress through `onStep` (0..1) as entries are checked.
 */
export async function checkContainer(bytes: Uint8Array, file: string, onStep: (done: number) => void = () => {}): Promise<Container> {
	if (bytes.length > LIMITS.fileBytes) {
		refuseLimit(file, 'fileBytes', `the file is ${megabytes(bytes.length)}`, 'The official tables are far smaller; check you chose the right file');
	}
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
		// OLE compound file: a legacy .xls, or an encrypted OOXML package (EncryptionInfo + EncryptedPackage).
		// Directory entry names are UTF-16LE at even offsets, so decoding the whole file finds them.
		if (/EncryptionInfo|EncryptedPackage/.test(new TextDecoder('utf-16le').decode(bytes))) {
			throw new ImportError(file, 'the workbook is encrypted (password-protected)', 'Open it in your spreadsheet program, remove the password (File > Info, or Save As without a password) and choose the saved copy');
		}
		return { kind: 'xls' };
	}
	if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
		const head = decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
		const what = head.startsWith('<') ? 'an HTML or XML document' : bytes.length === 0 ? 'empty' : 'not a zip archive';
		throw new ImportError(file, `this is not a spreadsheet: the file is ${what}, not an XLSX or ODS workbook`, SPREADSHEET_FIX);
	}
	const entries = zipDirectory(bytes, file);
	const declared = entries.reduce((s, e) => s + e.size, 0);
	if (declared > LIMITS.inflatedBytes) {
		refuseLimit(file, 'inflatedBytes', `its zip entries declare ${megabytes(declared)} once inflated`, 'This is not a normal spreadsheet (a "zip bomb"?); use the file as published by MHCLG');
	}
	for (const e of entries) {
		if (e.size > 1024 * 1024 && e.size / Math.max(1, e.compressedSize) > LIMITS.compressionRatio) {
			refuseLimit(file, 'compressionRatio', `the zip entry ${e.name} inflates ${Math.round(e.size / Math.max(1, e.compressedSize))} times`, 'This is not a normal spreadsheet (a "zip bomb"?); use the file as published by MHCLG');
		}
		if (e.flags & 1) {
			throw new ImportError(file, `the zip entry ${e.name} is encrypted`, 'Save the workbook again without a password and choose the saved copy');
		}
	}
	const names = new Set(entries.map((e) => e.name));
	const kind: ContainerKind | undefined = names.has('xl/workbook.xml') ? 'xlsx' : names.has('content.xml') ? 'ods' : undefined;
	if (!kind) {
		throw new ImportError(file, 'this is a zip archive but not a spreadsheet (no xl/workbook.xml or content.xml inside)', SPREADSHEET_FIX);
	}
	let budget: number = LIMITS.inflatedBytes;
	const inflatedEntries: { name: string; data: Uint8Array }[] = [];
	for (const [i, e] of entries.entries()) {
		const inflated = await inflateBounded(entryData(bytes, e, file), e, budget, file);
		budget -= inflated.length;
		inflatedEntries.push({ name: e.name, data: inflated });
		if (kind === 'ods' && e.name === 'META-INF/manifest.xml' && /encryption-data/.test(decode(inflated))) {
			throw new ImportError(file, 'the workbook is encrypted (password-protected)', 'Open it in LibreOffice, save it again without a password and choose the saved copy');
		}
		if (kind === 'ods' && e.name === 'content.xml') {
			for (const s of odsCellCounts(decode(inflated))) {
				if (s.cells > LIMITS.cellsPerSheet) {
					refuseLimit(file, 'cellsPerSheet', `sheet "${s.sheet}" expands to ${s.cells.toLocaleString('en-GB')} cells (repeated-cell runs)`, 'An official table has at most a few tens of thousands; use the file as published by MHCLG');
				}
			}
		}
		onStep((i + 1) / entries.length);
	}
	return { kind, entries: inflatedEntries };
}
