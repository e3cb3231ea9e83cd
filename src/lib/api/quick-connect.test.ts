import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';

import { createHttp } from './http';
import { createQuickConnectApi } from './quick-connect';

const RESULT = { Authenticated: false, Secret: 'ABC' };
/** The code the server returns shows which method reached it. */
const CODE_FOR_METHOD: Record<string, string> = { POST: '111111', GET: '222222' };

let server: Server | undefined;

/** Starts a server on 127.0.0.1 that serves /QuickConnect/Initiate only for the given methods. */
async function serverAllowing(methods: string[], status = 405): Promise<string> {
	server = createServer((request, response) => {
		if (request.url?.startsWith('/QuickConnect/Initiate') && methods.includes(request.method!)) {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify({ ...RESULT, Code: CODE_FOR_METHOD[request.method!] }));
			return;
		}
		response.writeHead(request.url?.startsWith('/QuickConnect/Connect') ? 404 : status);
		response.end();
	});
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (typeof address !== 'object' || address === null) throw new Error('no address');
	return `http://127.0.0.1:${address.port}`;
}

afterEach(async () => {
	await new Promise((resolve) => server?.close(resolve));
	server = undefined;
});

describe('createQuickConnectApi', () => {
	it('initiates with POST', async () => {
		const api = createQuickConnectApi(
			createHttp(await serverAllowing(['POST']), () => 'MediaBrowser')
		);
		expect(await api.initiate()).toMatchObject({ Code: CODE_FOR_METHOD.POST });
	});

	it('falls back to GET on 405', async () => {
		const api = createQuickConnectApi(
			createHttp(await serverAllowing(['GET'], 405), () => 'MediaBrowser')
		);
		expect(await api.initiate()).toMatchObject({ Code: CODE_FOR_METHOD.GET });
	});

	it('falls back to GET on 404', async () => {
		const api = createQuickConnectApi(
			createHttp(await serverAllowing(['GET'], 404), () => 'MediaBrowser')
		);
		expect(await api.initiate()).toMatchObject({ Code: CODE_FOR_METHOD.GET });
	});

	it('does not fall back on 401', async () => {
		const api = createQuickConnectApi(
			createHttp(await serverAllowing(['GET'], 401), () => 'MediaBrowser')
		);
		await expect(api.initiate()).rejects.toThrow('HTTP 401');
	});

	it('reads an unknown secret as expired', async () => {
		const api = createQuickConnectApi(createHttp(await serverAllowing([]), () => 'MediaBrowser'));
		expect(await api.check('gone')).toBe('expired');
	});
});
