/**
 * Web Worker entry point for importing an official spreadsheet off the main thread. SheetJS is
 * imported here only, dynamically, so no page pays for it until a spreadsheet is chosen.
 * Start it with client.ts (importSpreadsheet), which also cancels by terminating it.
 */
import { handleImportRequest, type ImportReply, type ImportRequest } from './protocol.ts';

const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = (event: MessageEvent<ImportRequest>) => {
	void handleImportRequest(event.data, post, () => import('@e965/xlsx'));
};
