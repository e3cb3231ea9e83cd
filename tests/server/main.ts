import { parseArgs } from 'node:util';

import { DEMO_USERS, startServer, type ServerOptions } from './index.ts';
import { isJellyfinMode, MODE_FACTS, parseServerMode } from './modes/server-mode.ts';

const HELP = `Usage: npx tsx tests/server/main.ts [options]

Starts the Cue demo server on 127.0.0.1: a Jellyfin 10.11-compatible test server, or with
--mode one that imitates Jellyfin 12.0, Emby 4.8 or MediaBrowser 3.

Options:
  --mode <name>                  jellyfin (10.11, default), jellyfin-12, emby or mediabrowser
  --port <number>                TCP port (default 8096; 0 picks a free one)
  --keep-alive-seconds <number>  socket keep-alive timeout in seconds (default 60)
  --server-name <text>           server name shown to clients (default "Cue Demo Server")
  --no-legacy-authorization      accept only Authorization headers and ApiKey, as Jellyfin 12.0
  --close-lost-sockets           abort sockets that stop sending KeepAlive, as Jellyfin 12.0
  --emby-idle-socket-seconds <number>
                                 emby mode: seconds without a client frame after which a
                                 socket gets no more messages (default 300)
  --legacy-socket-port <number>  mediabrowser mode: TCP port of the separate WebSocket server
                                 (default 8945; 0 picks a free one)
  --quiet                        print only the start-up lines (also CUE_SERVER_QUIET=1)
  --help                         show this text
`;

function parseNumber(name: string, text: string | undefined, fallback: number): number {
	if (text === undefined) return fallback;
	const value = Number(text);
	if (!Number.isFinite(value) || value < 0) {
		console.error(`Invalid --${name} value "${text}": expected a non-negative number.`);
		process.exit(2);
	}
	return value;
}

function readMode(text: string | undefined): ServerOptions['mode'] {
	if (text === undefined) return undefined;
	try {
		return parseServerMode(text);
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(2);
	}
}

function readOptions(): ServerOptions | undefined {
	const { values } = parseArgs({
		options: {
			mode: { type: 'string' },
			port: { type: 'string' },
			'keep-alive-seconds': { type: 'string' },
			'server-name': { type: 'string' },
			'no-legacy-authorization': { type: 'boolean' },
			'close-lost-sockets': { type: 'boolean' },
			'emby-idle-socket-seconds': { type: 'string' },
			'legacy-socket-port': { type: 'string' },
			quiet: { type: 'boolean' },
			help: { type: 'boolean' }
		}
	});
	if (values.help) return undefined;
	return {
		mode: readMode(values.mode),
		port: parseNumber('port', values.port, 8096),
		keepAliveSeconds: parseNumber('keep-alive-seconds', values['keep-alive-seconds'], 60),
		serverName: values['server-name'],
		// Absent flags leave the mode's defaults (jellyfin-12 turns both 12.0 rules on).
		legacyAuthorization: values['no-legacy-authorization'] ? false : undefined,
		closeLostSockets: values['close-lost-sockets'] || undefined,
		embyIdleSocketSeconds: parseNumber(
			'emby-idle-socket-seconds',
			values['emby-idle-socket-seconds'],
			300
		),
		legacySocketPort: parseNumber('legacy-socket-port', values['legacy-socket-port'], 8945),
		quiet: values.quiet || undefined
	};
}

async function main(): Promise<void> {
	const options = readOptions();
	if (options === undefined) {
		console.log(HELP);
		return;
	}
	const server = await startServer(options);
	const users = DEMO_USERS.map((user) => `${user.name} / ${user.password}`).join(', ');
	console.log(`Cue demo server: ${server.url}`);
	console.log(
		`Mode: ${server.mode} (version ${MODE_FACTS[server.mode].version}, API at ${server.apiUrl})`
	);
	if (server.legacySocketPort !== undefined) {
		console.log(`WebSocket server: ws://127.0.0.1:${server.legacySocketPort}/mediabrowser`);
	}
	console.log(`Users (name / password): ${users}`);
	if (isJellyfinMode(server.mode)) console.log(`Remote control page: ${server.url}/remote`);
	console.log('ready');

	const stop = () => {
		void server.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(
		`Cue demo server failed to start: ${error instanceof Error ? error.message : String(error)}`
	);
	process.exit(1);
});
