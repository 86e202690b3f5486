/**
 * Arrow results to plain rows, the same on both engines: numbers as `number` (never BigInt or
 * Decimal objects), dates and timestamps as ISO strings, NULL as null.
 */
import type { Cell, Row } from './engine';

interface ArrowField {
	name: string;
	type: { typeId: number; toString(): string };
}
interface ArrowLikeTable {
	schema: { fields: ArrowField[] };
	numRows: number;
	getChildAt(i: number): { get(row: number): unknown } | null;
}

// apache-arrow Type ids (enum Type in apache-arrow): Date = 8, Timestamp = 10, Decimal = 7, Int = 2.
const DATE = 8;
const TIMESTAMP = 10;

function toCell(value: unknown, typeId: number): Cell {
	if (value === null || value === undefined) return null;
	if (typeId === DATE) return new Date(Number(value)).toISOString().slice(0, 10);
	if (typeId === TIMESTAMP) return new Date(Number(value)).toISOString();
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
	// Decimal and other wrapped numbers carry a valueOf/toString we can read as a number.
	const asNumber = Number(value);
	if (!Number.isNaN(asNumber)) return asNumber;
	return String(value);
}

export function arrowToRows<T extends object = Row>(table: ArrowLikeTable): T[] {
	const fields = table.schema.fields;
	const columns = fields.map((_, i) => table.getChildAt(i));
	const rows: T[] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, Cell> = {};
		for (let c = 0; c < fields.length; c++) {
			row[fields[c].name] = toCell(columns[c]?.get(r), fields[c].type.typeId);
		}
		rows[r] = row as T;
	}
	return rows;
}
