/** The `Authorization: MediaBrowser …` header and the default device name. */

export interface ClientIdentity {
	client: string;
	device: string;
	deviceId: string;
	version: string;
}

function quotedPair(key: string, value: string): string {
	return `${key}="${encodeURIComponent(value)}"`;
}

/**
 * Builds `MediaBrowser Client="Cue", Device="…", DeviceId="…", Version="…"[, Token="…"]`. Every value
 * is encodeURIComponent-ed because Jellyfin URL-decodes each one: a literal "+" would become a space,
 * and a comma or quote would end the value early.
 */
export function buildAuthorizationHeader(identity: ClientIdentity, token?: string): string {
	const pairs = [
		quotedPair('Client', identity.client),
		quotedPair('Device', identity.device),
		quotedPair('DeviceId', identity.deviceId),
		quotedPair('Version', identity.version)
	];
	if (token) pairs.push(quotedPair('Token', token));
	return `MediaBrowser ${pairs.join(', ')}`;
}

/** User-agent tokens, checked in order: Edge and Opera also contain "Chrome", Chrome contains "Safari". */
const BROWSERS: [pattern: RegExp, name: string][] = [
	[/\bEdg(e|A|iOS)?\//, 'Edge'],
	[/\b(OPR|Opera)\//, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\b(Firefox|FxiOS)\//, 'Firefox'],
	[/\b(Chrome|Chromium|CriOS|HeadlessChrome)\//, 'Chrome'],
	[/\bSafari\//, 'Safari']
];

const SYSTEMS: [pattern: RegExp, name: string][] = [
	[/\biPad\b/, 'iPad'],
	[/\biPhone\b/, 'iPhone'],
	[/\bAndroid\b/, 'Android'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bWindows\b/, 'Windows'],
	// NOTE: iPadOS 13+ Safari sends a Macintosh user agent by default, so those iPads read as macOS.
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b|\bX11\b/, 'Linux']
];

function firstMatch(userAgent: string, table: [RegExp, string][]): string | undefined {
	return table.find(([pattern]) => pattern.test(userAgent))?.[1];
}

/**
 * Describes the device from a user agent string for the default device name: "Chrome on Linux",
 * "Safari on iPad", "Firefox on Windows". Falls back to "Web browser".
 */
export function describeDevice(userAgent: string): string {
	const text = typeof userAgent === 'string' ? userAgent : '';
	const browser = firstMatch(text, BROWSERS);
	const system = firstMatch(text, SYSTEMS);

	if (browser && system) return `${browser} on ${system}`;
	if (browser) return browser;
	if (system) return `Web browser on ${system}`;
	return 'Web browser';
}
