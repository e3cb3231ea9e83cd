/** One-line stdout logging for notable server events. Callers must not pass tokens. */
export interface ServerLogger {
	info(message: string): void;
	warn(message: string): void;
}

export function createServerLogger(quiet: boolean): ServerLogger {
	const write = (level: string, message: string) => {
		if (quiet) return;
		const time = new Date().toISOString().slice(11, 23);
		console.log(`${time} ${level} [cue-server] ${message}`);
	};
	return {
		info: (message) => write('INF', message),
		warn: (message) => write('WRN', message)
	};
}
