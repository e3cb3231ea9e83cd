// The demo remote: lists controllable players and drives one through the controller endpoints.
// Server text is always written with textContent.
import {
	currentLogin,
	deviceId,
	forgetLogin,
	formatTicks,
	request,
	signIn,
	signOut
} from './remote-api.js';
import { bindControls } from './remote-controls.js';

const POLL_MS = 2000;
const byId = (id) => document.getElementById(id);
let targetId = null;
let pollTimer = null;

function setStatus(text, failed = false) {
	byId('status').textContent = text;
	byId('status').className = failed ? 'failed' : '';
}

function logRequest(method, path, status) {
	const entry = document.createElement('li');
	entry.textContent = `${new Date().toLocaleTimeString()} ${method} ${path} → ${status}`;
	if (typeof status !== 'number' || status >= 400) entry.className = 'failed';
	byId('request-log').prepend(entry);
	while (byId('request-log').children.length > 50) byId('request-log').lastChild.remove();
}

const api = (method, path, body) => request(method, path, body, logRequest);

async function loadLibrary() {
	const { userId } = currentLogin();
	const query = `userId=${userId}&recursive=true&includeItemTypes=MusicAlbum,Audio,Movie`;
	const response = await api('GET', `/Items?${query}`);
	if (!response.ok) return;
	const { Items } = await response.json();
	const select = byId('item');
	select.replaceChildren();
	for (const [type, label] of [
		['MusicAlbum', 'Albums'],
		['Audio', 'Tracks'],
		['Movie', 'Videos']
	]) {
		const group = document.createElement('optgroup');
		group.label = label;
		for (const item of Items.filter((candidate) => candidate.Type === type)) {
			const option = document.createElement('option');
			option.value = item.Id;
			option.textContent = `${item.Name} (${formatTicks(item.RunTimeTicks)})`;
			group.append(option);
		}
		select.append(group);
	}
}

function describePlayer(session) {
	const item = document.createElement('li');
	item.classList.toggle('selected', session.Id === targetId);
	const choose = document.createElement('button');
	choose.type = 'button';
	choose.textContent = session.Id === targetId ? 'Selected' : 'Select';
	choose.addEventListener('click', () => selectTarget(session));
	const title = document.createElement('strong');
	title.textContent = ` ${session.DeviceName ?? session.DeviceId} (${session.Client})`;
	const state = session.PlayState ?? {};
	const playing = session.NowPlayingItem;
	const details = document.createElement('div');
	details.textContent = playing
		? `${state.IsPaused ? 'Paused' : 'Playing'}: ${playing.Name} ` +
			`${formatTicks(state.PositionTicks)} / ${formatTicks(playing.RunTimeTicks)}` +
			` · volume ${state.VolumeLevel ?? '–'}${state.IsMuted ? ' (muted)' : ''}`
		: 'Idle';
	item.append(choose, title, details);
	return item;
}

function selectTarget(session) {
	targetId = session.Id;
	byId('target-name').textContent = `${session.DeviceName ?? session.DeviceId} (${session.Client})`;
	byId('controls').setAttribute('aria-disabled', 'false');
	void refreshPlayers();
}

async function refreshPlayers() {
	const login = currentLogin();
	if (!login) return;
	const response = await api('GET', `/Sessions?controllableByUserId=${login.userId}`);
	if (response.status === 401) {
		forgetLogin();
		return showLogin('Your sign-in expired.');
	}
	if (!response.ok) return setStatus(`Listing players failed (HTTP ${response.status})`, true);
	const players = (await response.json()).filter((session) => session.DeviceId !== deviceId());
	byId('players').replaceChildren(...players.map(describePlayer));
	byId('no-players').hidden = players.length > 0;
}

async function send(method, path, body) {
	if (!targetId) return setStatus('Select a player first.', true);
	const response = await api(method, `/Sessions/${targetId}${path}`, body);
	setStatus(
		response.ok ? `Sent ${path}` : `${path} failed (HTTP ${response.status})`,
		!response.ok
	);
	void refreshPlayers();
}

function showMain() {
	byId('login-form').hidden = true;
	byId('main').hidden = false;
	byId('user-name').textContent = currentLogin().userName;
	byId('controls').setAttribute('aria-disabled', String(!targetId));
	void loadLibrary();
	void refreshPlayers();
	pollTimer = setInterval(() => void refreshPlayers(), POLL_MS);
}

function showLogin(message) {
	clearInterval(pollTimer);
	targetId = null;
	byId('main').hidden = true;
	byId('login-form').hidden = false;
	if (message) setStatus(message, true);
}

byId('login-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const form = new FormData(event.target);
	try {
		await signIn(String(form.get('username')), String(form.get('password')), logRequest);
		setStatus('Signed in.');
		showMain();
	} catch (error) {
		setStatus(error.message, true);
	}
});
byId('sign-out').addEventListener('click', async () => {
	await signOut(logRequest);
	showLogin('Signed out.');
});
bindControls({ send, api, setStatus });
if (currentLogin()) showMain();
