// Builds Cue and starts the test server and `vite preview` on ports of their own, all bound to
// 127.0.0.1, the same way the Playwright configuration does for a run on other ports.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The default build, which `npm run build` and the Playwright run make. */
const DEFAULT_BUILD = { buildDir: 'build', kitOutDir: '.svelte-kit' };
const DEFAULT_APP_PORT = 4474;

/**
 * Returns the bench's own build folders: build-bench/ for the default app port, and folders named
 * after the port otherwise, so that runs on other ports never rebuild under this one.
 */
function benchBuild(appPort) {
	const suffix = appPort === DEFAULT_APP_PORT ? 'bench' : `bench-${appPort}`;
	return { buildDir: `build-${suffix}`, kitOutDir: `.svelte-kit-${suffix}` };
}

function buildEnv({ buildDir, kitOutDir }) {
	return { CUE_BUILD_DIR: buildDir, CUE_KIT_OUT_DIR: kitOutDir };
}

/** Returns when the build's Vite manifest was written, or 0 when the build is incomplete. */
function builtAt({ buildDir, kitOutDir }) {
	const manifest = join(kitOutDir, 'output', 'client', '.vite', 'manifest.json');
	if (!existsSync(join(buildDir, 'index.html')) || !existsSync(manifest)) return 0;
	return statSync(manifest).mtimeMs;
}

/**
 * Returns the build to measure: a fresh one in the bench's own folder for `appPort`, or with
 * `skipBuild` the newer of that folder and the default build/ (which the Playwright run leaves).
 */
export function prepareBuild(skipBuild, appPort) {
	const own = benchBuild(appPort);
	if (skipBuild) {
		const [existing] = [own, DEFAULT_BUILD]
			.filter((build) => builtAt(build) > 0)
			.sort((a, b) => builtAt(b) - builtAt(a));
		if (!existing) {
			throw new Error(`No build found in ${own.buildDir}/ or build/: run without --skip-build.`);
		}
		console.log(`Using the existing build in ${existing.buildDir}/.`);
		return existing;
	}
	console.log(`Building Cue into ${own.buildDir}/ …`);
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--bypass-lock'], {
		stdio: ['ignore', 'ignore', 'pipe'],
		env: { ...process.env, ...buildEnv(own) },
		encoding: 'utf8'
	});
	if (result.status !== 0) {
		throw new Error(`vite build failed with exit code ${result.status}:\n${result.stderr}`);
	}
	return own;
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
 * Rejects when something already listens on the ports: another benchmark run, whose build this
 * run would overwrite, or a server left over from an interrupted run, which would respond in
 * place of the new one.
 */
export async function checkPortsFree(serverPort, appPort) {
	for (const url of [`http://127.0.0.1:${serverPort}`, `http://127.0.0.1:${appPort}`]) {
		const listening = await fetch(url).then(
			() => true,
			() => false
		);
		if (listening) {
			throw new Error(
				`${url} is already in use: stop what listens there, or set CUE_BENCH_SERVER_PORT and CUE_BENCH_APP_PORT.`
			);
		}
	}
}

/**
 * Starts the test server (ForceKeepAlive period `keepAliveSeconds`) and `build` of the app.
 * Returns their URLs, the build and a `stop` function.
 */
export async function startStack({ serverPort, appPort, keepAliveSeconds, build }) {
	const serverUrl = `http://127.0.0.1:${serverPort}`;
	const appUrl = `http://127.0.0.1:${appPort}`;
	await checkPortsFree(serverPort, appPort);
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
		[
			'vite',
			'preview',
			'--host',
			'127.0.0.1',
			'--port',
			String(appPort),
			'--strictPort',
			'--bypass-lock'
		],
		buildEnv(build)
	);
	const stop = () => {
		stopProcess(server);
		stopProcess(preview);
	};
	// Stops both on Ctrl+C or a closed output pipe too, so that no run leaves them listening.
	process.once('exit', stop);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(signal, () => {
			stop();
			process.exit(130);
		});
	}
	process.stdout.on('error', () => {
		stop();
		process.exit(1);
	});
	try {
		await waitForUrl(`${serverUrl}/System/Info/Public`, 60_000);
		await waitForUrl(`${appUrl}/`, 60_000);
	} catch (error) {
		stop();
		throw error;
	}
	return { serverUrl, appUrl, build, stop };
}
