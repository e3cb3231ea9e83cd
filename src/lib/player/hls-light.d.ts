// hls.js ships no declarations for its "light" build, which has the same API without subtitle,
// alternate audio and DRM support, so it borrows those of the full build.
declare module 'hls.js/light' {
	import Hls from 'hls.js';
	export default Hls;
}
