import { parseArgs } from 'node:util';

import { DEMO_USERS, startServer, type ServerOptions } from './index.ts';

const HELP = `Usage: npx tsx tests/server/main.ts [options]

Starts the Cue demo server, a Jellyfin 10.11-compatible test server, on 127.0.0.1.

Options:
  --port <number>                TCP port (default 8096; 0 picks a free one)
  --keep-alive-seconds <number>  socket keep-alive timeout in seconds (default 60)
  --server-name <text>           server name shown to clients (default "Cue Demo Server")
  --no-legacy-authorization      accept only Authorization headers and ApiKey, as Jellyfin 12.0
  --close-lost-sockets           abort sockets that stop sending KeepAlive, as Jellyfin 12.0
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

function readOptions(): ServerOptions | undefined {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			'keep-alive-seconds': { type: 'string' },
			'server-name': { type: 'string' },
			'no-legacy-authorization': { type: 'boolean' },
			'close-lost-sockets': { type: 'boolean' },
			quiet: { type: 'boolean' },
			help: { type: 'boolean' }
		}
	});
	if (values.help) return undefined;
	return {
		port: parseNumber('port', values.port, 8096),
		keepAliveSeconds: parseNumber('keep-alive-seconds', values['keep-alive-seconds'], 60),
		serverName: values['server-name'],
		legacyAuthorization: !values['no-legacy-authorization'],
		closeLostSockets: values['close-lost-sockets'] ?? false,
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
	console.log(`Users (name / password): ${users}`);
	console.log(`Remote control page: ${server.url}/remote`);
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
