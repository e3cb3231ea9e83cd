// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}

	/** The version from package.json, inlined at build time. */
	const __CUE_VERSION__: string;
}

export {};
