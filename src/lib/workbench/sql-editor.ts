/**
 * The SQL console's editor: CodeMirror 6 with @codemirror/lang-sql, completing the workbench's
 * table and column names. Loaded by dynamic import from the workbench page only.
 *
 * CSP: CodeMirror writes its styles through style-mod, which puts them in a <style> element when
 * it mounts into a document (refused by style-src 'self') but in a constructed stylesheet adopted
 * by the root when it mounts into a shadow root (CSSStyleSheet + adoptedStyleSheets, which no CSP
 * blocks). So the editor lives in a shadow root of its host element, and the site's CSP stays
 * strict, with no nonce and no exception for this page.
 */
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { Compartment, Prec } from '@codemirror/state';
// DuckDB's SQL follows PostgreSQL's closely (lang-sql has no DuckDB dialect).
import { sql, PostgreSQL } from '@codemirror/lang-sql';

export interface SqlEditor {
	getValue(): string;
	setValue(text: string): void;
	/** Tables and their columns, for completion. */
	setSchema(schema: Record<string, string[]>): void;
	focus(): void;
	destroy(): void;
}

const theme = EditorView.theme({
	'&': { fontSize: '0.95rem', border: '1px solid #3d3d3d', background: '#fff' },
	'&.cm-focused': { outline: '3px solid #fd0' },
	'.cm-content': { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', minHeight: '6rem' },
	'.cm-scroller': { maxHeight: '20rem' },
	'.cm-gutters': { background: '#f3f2f1', color: '#3d3d3d', border: 'none' }
});

export function createSqlEditor(
	host: HTMLElement,
	options: { doc: string; label: string; onRun: () => void; onChange: (text: string) => void }
): SqlEditor {
	const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
	const parent = document.createElement('div');
	root.appendChild(parent);
	const language = new Compartment();
	const run = () => {
		options.onRun();
		return true;
	};
	const view = new EditorView({
		doc: options.doc,
		parent,
		root,
		extensions: [
			Prec.highest(keymap.of([{ key: 'Mod-Enter', run }])),
			basicSetup,
			language.of(sql({ dialect: PostgreSQL })),
			theme,
			EditorView.lineWrapping,
			EditorView.contentAttributes.of({ 'aria-label': options.label }),
			EditorView.updateListener.of((u) => {
				if (u.docChanged) options.onChange(u.state.doc.toString());
			})
		]
	});
	return {
		getValue: () => view.state.doc.toString(),
		setValue(text) {
			view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
		},
		setSchema(schema) {
			view.dispatch({ effects: language.reconfigure(sql({ dialect: PostgreSQL, schema, upperCaseKeywords: true })) });
		},
		focus: () => view.focus(),
		destroy: () => view.destroy()
	};
}
