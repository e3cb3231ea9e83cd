// Starts the demo: builds Cue, serves it, and runs the Jellyfin-compatible test server with its
// generated media library and remote page. Everything binds 127.0.0.1. `--mode emby` (or
// `jellyfin-12`, `mediabrowser`) makes the server imitate that server instead.
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const SERVER_PORT = process.env.CUE_DEMO_SERVER_PORT ?? '8096';
const APP_PORT = process.env.CUE_DEMO_APP_PORT ?? '4173';
const { values } = parseArgs({ options: { mode: { type: 'string', default: 'jellyfin' } } });
const MODE = values.mode;

console.log('Building Cue…');
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) {
	console.error('The build failed; see the output above.');
	process.exit(build.status ?? 1);
}

const children = [
	spawn('npx', ['tsx', 'tests/server/main.ts', '--port', SERVER_PORT, '--mode', MODE], {
		stdio: 'inherit'
	}),
	spawn(
		'npx',
		[
			'vite',
			'preview',
			'--host',
			'127.0.0.1',
			'--port',
			APP_PORT,
			'--strictPort',
			'--logLevel',
			'warn'
		],
		{ stdio: 'inherit' }
	)
];

setTimeout(() => {
	console.log(`
Cue demo
  Player:       http://127.0.0.1:${APP_PORT}
  Server:       http://127.0.0.1:${SERVER_PORT}   (username demo, password demo)
  Remote page:  ${MODE.startsWith('jellyfin') ? `http://127.0.0.1:${SERVER_PORT}/remote` : '(Jellyfin modes only)'}

Open the player, sign in to the server address above, then drive it from the remote page.
Press Ctrl+C to stop.
`);
}, 1500);

function stopAll(code) {
	for (const child of children) child.kill('SIGTERM');
	process.exit(code);
}

for (const child of children) {
	child.on('exit', (code) => {
		console.error(`A demo process exited (code ${code}); stopping the demo.`);
		stopAll(code ?? 1);
	});
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
