/**
 * A small levelled logger. It prints warnings and errors always, and debug and info lines only
 * when debug logging is on (`localStorage['cue.debug'] = '1'` or `?debug` in the address).
 * Callers pass ids in `fields`, never tokens: `redact` strips anything that looks like one.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
	debug(message: string, fields?: Record<string, unknown>): void;
	info(message: string, fields?: Record<string, unknown>): void;
	warn(message: string, fields?: Record<string, unknown>): void;
	error(message: string, fields?: Record<string, unknown>): void;
}

const SECRET_KEYS = /token|apikey|api_key|password|^pw$|authorization/i;
const SECRET_IN_TEXT = /((?:ApiKey|api_key|Token)=)("?)[^&",\s]+/gi;

let debugEnabled = readDebugFlag();

function readDebugFlag(): boolean {
	try {
		if (typeof location !== 'undefined' && new URLSearchParams(location.search).has('debug')) {
			return true;
		}
		return typeof localStorage !== 'undefined' && localStorage.getItem('cue.debug') === '1';
	} catch {
		return false;
	}
}

export function setDebugLogging(enabled: boolean): void {
	debugEnabled = enabled;
}

/** Replaces token-like values in log text and fields with "[redacted]". */
export function redact(value: unknown): unknown {
	if (typeof value === 'string') return value.replace(SECRET_IN_TEXT, '$1$2[redacted]');
	if (Array.isArray(value)) return value.map(redact);
	if (value instanceof Error) return redact(`${value.name}: ${value.message}`);
	if (value && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value)) {
			copy[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(inner);
		}
		return copy;
	}
	return value;
}

export function createLogger(scope: string): Logger {
	const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
		if ((level === 'debug' || level === 'info') && !debugEnabled) return;
		const text = `[cue:${scope}] ${redact(message) as string}`;
		const args = fields ? [text, redact(fields)] : [text];
		console[level](...args);
	};
	return {
		debug: (message, fields) => write('debug', message, fields),
		info: (message, fields) => write('info', message, fields),
		warn: (message, fields) => write('warn', message, fields),
		error: (message, fields) => write('error', message, fields)
	};
}
