// Builds Cue and starts the test server and `vite preview` on ports of their own, all bound to
// 127.0.0.1, the same way the Playwright configuration does for a run on other ports.
import { spawn, spawnSync } from 'node:child_process';

const BUILD_ENV = { CUE_BUILD_DIR: 'build-bench', CUE_KIT_OUT_DIR: '.svelte-kit-bench' };

export function buildApp() {
	console.log('Building Cue into build-bench/ …');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		stdio: ['ignore', 'ignore', 'pipe'],
		env: { ...process.env, ...BUILD_ENV },
		encoding: 'utf8'
	});
	if (result.status !== 0) {
		throw new Error(`vite build failed with exit code ${result.status}:\n${result.stderr}`);
	}
}

/** Starts a command in its own process group, so that stopping it also stops what npx started. */
function startProcess(name, args, env = {}) {
	const child = spawn('npx', args, {
		stdio: ['ignore', 'ignore', 'pipe'],
		env: { ...process.env, ...env },
		detached: true
	});
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	child.on('exit', (code) => {
		if (code !== null && code !== 0) console.error(`${name} exited with code ${code}: ${stderr}`);
	});
	return child;
}

async function waitForUrl(url, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${url} did not respond within ${timeoutMs / 1000} s`);
}

function stopProcess(child) {
	if (child.exitCode !== null || child.pid === undefined) return;
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {
		// Already gone.
	}
}

/**
 * Starts the test server (ForceKeepAlive period `keepAliveSeconds`) and the built app. Returns
 * their URLs and a `stop` function.
 */
export async function startStack({ serverPort, appPort, keepAliveSeconds }) {
	const server = startProcess('test server', [
		'tsx',
		'tests/server/main.ts',
		'--port',
		String(serverPort),
		'--keep-alive-seconds',
		String(keepAliveSeconds),
		'--quiet'
	]);
	const preview = startProcess(
		'vite preview',
		['vite', 'preview', '--host', '127.0.0.1', '--port', String(appPort), '--strictPort'],
		BUILD_ENV
	);
	const stop = () => {
		stopProcess(server);
		stopProcess(preview);
	};
	const serverUrl = `http://127.0.0.1:${serverPort}`;
	const appUrl = `http://127.0.0.1:${appPort}`;
	try {
		await waitForUrl(`${serverUrl}/System/Info/Public`, 60_000);
		await waitForUrl(`${appUrl}/`, 60_000);
	} catch (error) {
		stop();
		throw error;
	}
	return { serverUrl, appUrl, stop };
}
