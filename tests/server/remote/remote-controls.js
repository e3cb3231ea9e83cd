// Wires the control buttons of the demo remote to the controller endpoints.
import { TICKS_PER_SECOND } from './remote-api.js';

const byId = (id) => document.getElementById(id);

function secondsInput(id) {
	return Math.round(Number(byId(id).value || 0) * TICKS_PER_SECOND);
}

/** Binds the Play, Playstate and named GeneralCommand buttons, marked by data attributes. */
function bindButtons(send) {
	for (const button of document.querySelectorAll('[data-play]')) {
		button.addEventListener('click', () => {
			const query = new URLSearchParams({
				playCommand: button.dataset.play,
				itemIds: byId('item').value,
				startPositionTicks: String(secondsInput('start-seconds'))
			});
			void send('POST', `/Playing?${query}`);
		});
	}
	for (const button of document.querySelectorAll('[data-playstate]')) {
		button.addEventListener(
			'click',
			() => void send('POST', `/Playing/${button.dataset.playstate}`)
		);
	}
	for (const button of document.querySelectorAll('[data-command]')) {
		button.addEventListener('click', () => void send('POST', `/Command/${button.dataset.command}`));
	}
}

function bindValueControls(send) {
	byId('seek').addEventListener('click', () => {
		void send('POST', `/Playing/Seek?seekPositionTicks=${secondsInput('seek-seconds')}`);
	});
	// Jellyfin's web client posts the volume as a number, and the server turns it into a string.
	byId('volume').addEventListener('change', () => {
		const volume = Number(byId('volume').value);
		void send('POST', '/Command', { Name: 'SetVolume', Arguments: { Volume: volume } });
	});
	byId('send-message').addEventListener('click', () => {
		const timeout = byId('message-timeout').value;
		void send('POST', '/Message', {
			Header: byId('message-header').value,
			Text: byId('message-text').value,
			TimeoutMs: timeout === '' ? undefined : Number(timeout)
		});
	});
}

function bindQuickConnect(api, setStatus) {
	byId('authorize-code').addEventListener('click', async () => {
		const code = byId('quick-connect-code').value.trim();
		const response = await api('POST', `/QuickConnect/Authorize?code=${encodeURIComponent(code)}`);
		setStatus(
			response.ok ? `Authorized code ${code}` : `Code ${code} was not accepted`,
			!response.ok
		);
	});
}

/**
 * Binds every control. `send(method, path, body)` targets the selected player's
 * `/Sessions/{id}` path, and `api` and `setStatus` come from the page script.
 */
export function bindControls({ send, api, setStatus }) {
	bindButtons(send);
	bindValueControls(send);
	bindQuickConnect(api, setStatus);
}
