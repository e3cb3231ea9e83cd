import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import type { RequestContext, Route } from '../core/router.ts';

const REMOTE_DIR = new URL('../remote/', import.meta.url);

/** The files of the remote page by URL name; nothing else under /remote is served. */
const FILES: Record<string, { file: string; type: string }> = {
	'': { file: 'remote.html', type: 'text/html; charset=utf-8' },
	'remote.js': { file: 'remote.js', type: 'text/javascript; charset=utf-8' },
	'remote-api.js': { file: 'remote-api.js', type: 'text/javascript; charset=utf-8' },
	'remote-controls.js': { file: 'remote-controls.js', type: 'text/javascript; charset=utf-8' },
	'remote.css': { file: 'remote.css', type: 'text/css; charset=utf-8' }
};

/** Serves a file of the remote page, which loads nothing from other origins. */
async function serveRemoteFile(ctx: RequestContext): Promise<void> {
	const entry = FILES[ctx.params.file ?? ''];
	if (entry === undefined) {
		ctx.res.writeHead(404, { 'Content-Length': 0 }).end();
		return;
	}
	const body = await readFile(fileURLToPath(new URL(entry.file, REMOTE_DIR)));
	ctx.res.writeHead(200, {
		'Content-Type': entry.type,
		'Content-Length': body.length,
		'Cache-Control': 'no-store',
		'Content-Security-Policy': "default-src 'self'"
	});
	ctx.res.end(ctx.method === 'HEAD' ? undefined : body);
}

export const remotePageRoutes: Route[] = [
	{ methods: ['GET', 'HEAD'], pattern: '/remote', auth: false, handler: serveRemoteFile },
	{ methods: ['GET', 'HEAD'], pattern: '/remote/{file}', auth: false, handler: serveRemoteFile }
];
