/** A named query: SQL with `?` placeholders and their values, carrying its row type to run(). */
import type { Engine, Params } from '../engine';

export interface NamedQuery<T> {
	name: string;
	sql: string;
	params: Params;
	/** Phantom field so a query carries its row type to run(). */
	readonly _row?: T;
}

export const named = <T>(name: string, sql: string, params: Params = []): NamedQuery<T> => ({ name, sql, params });

export async function run<T extends object>(engine: Engine, query: NamedQuery<T>): Promise<T[]> {
	return engine.query<T>(query.sql, query.params);
}

/**
 * The query with its parameters written in as SQL literals, for "View the SQL": what a reader
 * copies runs as it stands in the workbench console. Strings are quoted with '' doubling.
 */
export function sqlWithParams(query: NamedQuery<unknown>): string {
	let i = 0;
	return query.sql.replace(/\?/g, () => {
		const p = query.params[i++];
		if (p === null || p === undefined) return 'NULL';
		if (typeof p === 'number' || typeof p === 'boolean') return String(p);
		return `'${String(p).replaceAll("'", "''")}'`;
	});
}
