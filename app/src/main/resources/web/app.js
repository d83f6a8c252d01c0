/*
 * ECG Digitizer web app: uploads pages to the HTTP API, follows each job, shows what was found and
 * offers the files. Every value from a file name or the server goes into the page as text nodes,
 * never as HTML. Served with a Content-Security-Policy that allows this script only.
 */
'use strict';

(function () {
	const UPLOADS_AT_ONCE = 2;
	const POLL_MS = 500;

	/** The steps a page goes through, with the engine's stage names that belong to each. */
	const STEPS = [
		{ label: 'Upload', stages: ['Uploading'] },
		{ label: 'Wait', stages: ['Waiting to upload', 'Waiting for a free worker', 'Server busy'] },
		{ label: 'Read image', stages: ['Reading the image'] },
		{ label: 'Preprocess', stages: ['Preprocessing', 'Finding the grid', 'Measuring perspective', 'Rectifying',
			'Separating ink from grid'] },
		{ label: 'Detect leads', stages: ['Detecting leads'] },
		{ label: 'Extract traces', stages: ['Extracting traces'] },
		{ label: 'Digitize signals', stages: ['Digitizing signals'] },
		{ label: 'Write files', stages: ['Writing the files'] }
	];

	const SOURCES = {
		layout_source: { detected: 'detected on the page', user: 'set by you', rows: 'guessed from the number of rows' },
		lead_names_source: { labels: 'read from the printed labels', template: 'standard order of the layout (no labels read)' },
		scale_source: { grid: 'measured on the grid', pulse: 'from the calibration pulse', dpi: 'from the image resolution (no grid found)', unknown: 'unknown' },
		angle_source: { grid: 'measured on the grid', traces: 'measured on the traces', none: 'none found' },
		gain_source: { pulse: 'from the calibration pulse', user: 'set by you', default: 'assumed: the standard value' },
		speed_source: { pulse: 'from the calibration pulse', user: 'set by you', default: 'assumed: the standard value' }
	};

	const $ = (id) => document.getElementById(id);
	const jobsList = $('jobs');
	const fileInput = $('files');
	const drop = $('drop');
	let uploading = 0;
	const waiting = [];
	let nextCardId = 1;

	/** An element with attributes and children; strings become text nodes, so nothing is parsed as HTML. */
	function el(tag, attrs, ...children) {
		const e = document.createElement(tag);
		for (const [k, v] of Object.entries(attrs || {})) {
			if (v === null || v === undefined || v === false) continue;
			if (k === 'class') e.className = v;
			else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
			else e.setAttribute(k, v === true ? '' : v);
		}
		for (const c of children.flat()) {
			if (c === null || c === undefined || c === false) continue;
			e.append(c instanceof Node ? c : document.createTextNode(String(c)));
		}
		return e;
	}

	const SVG_NS = 'http://www.w3.org/2000/svg';
	function svg(tag, attrs, ...children) {
		const e = document.createElementNS(SVG_NS, tag);
		for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
		for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
		return e;
	}

	function fmt(v, digits) {
		return Number.isFinite(v) ? v.toFixed(digits) : '–';
	}

	function apiUrl(path) {
		// relative, so the app also works under a reverse proxy's sub-path
		return 'api/' + path;
	}

	// ---- limits shown in the page ----
	fetch(apiUrl('info')).then((r) => r.ok ? r.json() : null).then((info) => {
		if (!info) return;
		$('max-mb').textContent = String(Math.round(info.max_upload_mb * 10) / 10);
		$('keep-minutes').textContent = String(Math.round(info.keep_minutes));
	}).catch(() => {});

	// ---- choosing and dropping files ----
	$('choose').addEventListener('click', () => fileInput.click());
	fileInput.addEventListener('change', () => {
		addFiles(fileInput.files);
		fileInput.value = '';
	});
	['dragenter', 'dragover'].forEach((type) => drop.addEventListener(type, (e) => {
		e.preventDefault();
		drop.classList.add('dragging');
	}));
	['dragleave', 'dragend'].forEach((type) => drop.addEventListener(type, () => drop.classList.remove('dragging')));
	drop.addEventListener('drop', (e) => {
		e.preventDefault();
		drop.classList.remove('dragging');
		if (e.dataTransfer && e.dataTransfer.files) addFiles(e.dataTransfer.files);
	});
	// a file dropped beside the box should not replace the page
	window.addEventListener('dragover', (e) => e.preventDefault());
	window.addEventListener('drop', (e) => e.preventDefault());

	function currentSettings() {
		return { layout: $('layout').value, gain: $('gain').value, speed: $('speed').value, fs: $('fs').value.trim() };
	}

	function addFiles(files) {
		for (const file of Array.from(files)) {
			const job = new JobCard(file, currentSettings());
			jobsList.append(job.root);
			waiting.push(job);
		}
		$('empty').hidden = jobsList.children.length > 0;
		pump();
	}

	function pump() {
		while (uploading < UPLOADS_AT_ONCE && waiting.length > 0) {
			uploading++;
			waiting.shift().upload().finally(() => {
				uploading--;
				pump();
			});
		}
	}

	// ---- one page ----
	class JobCard {
		/** A card for a file, or for one page of a file of several (page from 1; 0 for the whole file). */
		constructor(file, settings, page = 0, pages = 1) {
			this.file = file;
			this.settings = settings;
			this.nameEl = el('h3', { class: 'job-name' });
			this.setPage(page, pages);
			this.id = null;
			this.key = 'job' + (nextCardId++);
			this.badge = el('span', { class: 'badge queued' });
			this.stateText = el('p', { class: 'job-state', role: 'status', 'aria-live': 'polite' });
			this.actions = el('div', { class: 'job-actions' });
			this.body = el('div', { class: 'job-body' });
			this.root = el('li', { class: 'job', 'data-state': 'queued' },
				el('div', { class: 'job-head' },
					this.badge,
					el('div', { class: 'job-title' }, this.nameEl, this.stateText),
					this.actions),
				this.body);
			this.showProgress('queued', 'Waiting to upload', 0);
		}

		/** Which page of its file the card shows; a file of several pages has a card per page. */
		setPage(page, pages) {
			this.page = page;
			this.title = page ? this.file.name + ' · page ' + page + ' of ' + pages : this.file.name;
			this.nameEl.textContent = this.title;
		}

		setBadge(state) {
			const words = { queued: ['…', 'Queued'], uploading: ['↑', 'Uploading'], running: ['⟳', 'Digitizing'],
				done: ['✓', 'Done'], failed: ['✕', 'Failed'] };
			const [glyph, word] = words[state];
			this.badge.className = 'badge ' + state;
			this.badge.replaceChildren(el('span', { class: 'glyph', 'aria-hidden': 'true' }, glyph), word);
			this.root.setAttribute('data-state', state);
		}

		/** Replaces the buttons when the kind of state changes (not on every poll, which would lose focus). */
		setActions(kind, ...buttons) {
			if (this.actionsKind === kind) return;
			this.actionsKind = kind;
			this.actions.replaceChildren(...buttons);
		}

		deleteButton() {
			return el('button', { type: 'button', class: 'button small', onclick: () => this.remove(),
				'aria-label': 'Delete ' + this.title + ' from this list and from the server' }, 'Delete');
		}

		retryButton() {
			return el('button', { type: 'button', class: 'button small primary', onclick: () => this.retry() },
				'Try again');
		}

		/** The progress bar with the engine's stage name and the list of steps. */
		showProgress(state, stage, fraction, note) {
			this.setBadge(state);
			const percent = Math.round(100 * fraction);
			this.stateText.textContent = stage + (note ? ' · ' + note : '');
			if (!this.bar) {
				this.bar = el('progress', { max: '100', value: '0', 'aria-label': 'Progress of ' + this.title });
				this.barText = el('span', { class: 'stage-name' });
				this.barPercent = el('span', { class: 'percent' });
				this.steps = el('ul', { class: 'stage-list', 'aria-hidden': 'true' },
					STEPS.map((s) => el('li', {}, s.label)));
				this.body.replaceChildren(el('div', { class: 'progress' }, this.bar,
					el('div', { class: 'progress-text' }, this.barText, this.barPercent), this.steps));
			}
			this.bar.value = percent;
			this.barText.textContent = stage;
			this.barPercent.textContent = percent + ' %';
			const current = STEPS.findIndex((s) => s.stages.indexOf(stage) >= 0);
			if (current >= 0) this.step = current;
			Array.from(this.steps.children).forEach((li, i) => {
				li.className = i < this.step ? 'done' : i === this.step ? 'current' : '';
			});
			this.setActions('progress', this.deleteButton());
		}

		upload() {
			return new Promise((resolve) => {
				const form = new FormData();
				form.append('file', this.file, this.file.name);
				for (const [k, v] of Object.entries(this.settings)) if (v !== '') form.append(k, v);
				if (this.page) form.append('page', String(this.page));
				const xhr = new XMLHttpRequest();
				xhr.open('POST', apiUrl('jobs'));
				xhr.upload.addEventListener('progress', (e) => {
					if (e.lengthComputable) this.showProgress('uploading', 'Uploading', 0, Math.round(100 * e.loaded / e.total) + ' % sent');
				});
				xhr.addEventListener('load', () => {
					let body = null;
					try {
						body = JSON.parse(xhr.responseText);
					}
					catch (e) {
						body = null;
					}
					if (xhr.status === 202 && body && body.id) {
						const ids = Array.isArray(body.ids) ? body.ids : [body.id];
						if (ids.length > 1 && !this.page) this.addPageCards(ids);
						this.id = body.id;
						this.showProgress('queued', 'Waiting for a free worker', 0);
						this.poll();
					}
					else if (xhr.status === 429) {
						const seconds = Math.max(1, parseInt(xhr.getResponseHeader('Retry-After') || '5', 10) || 5);
						this.showProgress('queued', 'Server busy', 0, 'trying again in ' + seconds + ' s');
						setTimeout(() => {
							waiting.unshift(this);
							pump();
						}, seconds * 1000);
					}
					else {
						this.fail(xhr.status, body && body.message ? body.message : 'the server answered ' + xhr.status);
					}
					resolve();
				});
				xhr.addEventListener('error', () => {
					this.fail(0, 'the server could not be reached');
					resolve();
				});
				this.showProgress('uploading', 'Uploading', 0);
				xhr.send(form);
			});
		}

		/** A file of several pages became a job per page: this card is page 1, a new card follows for each other page. */
		addPageCards(ids) {
			this.setPage(1, ids.length);
			let after = this.root;
			ids.slice(1).forEach((id, k) => {
				const card = new JobCard(this.file, this.settings, k + 2, ids.length);
				card.id = id;
				after.after(card.root);
				after = card.root;
				card.showProgress('queued', 'Waiting for a free worker', 0);
				card.poll();
			});
		}

		poll() {
			fetch(apiUrl('jobs/' + encodeURIComponent(this.id)), { cache: 'no-store' }).then((r) => r.json().then((body) => {
				if (this.removed) return;
				if (r.status === 404) {
					this.fail(404, body.message);
					return;
				}
				if (body.state === 'done') {
					this.showResult(body);
					return;
				}
				if (body.state === 'failed') {
					this.fail('job', body.message);
					return;
				}
				const note = body.state === 'queued' && body.queue_position > 0 ? body.queue_position + ' ahead' : '';
				this.showProgress(body.state, body.stage, body.progress, note);
				setTimeout(() => this.poll(), POLL_MS);
			})).catch(() => {
				if (!this.removed) setTimeout(() => this.poll(), 4 * POLL_MS);
			});
		}

		fail(status, message) {
			this.bar = null;
			this.setBadge('failed');
			this.stateText.textContent = 'Could not digitize this page';
			const todo = {
				0: 'Check the connection to the server, then press Try again.',
				404: 'Upload the page again.',
				413: 'Make the file smaller, then choose it again.',
				415: 'Choose an image of the page (PNG, JPEG, TIFF, BMP or WebP) or a PDF of it.',
				429: 'Wait a minute, then press Try again.',
				job: 'Check that the image shows the whole page, flat, sharp and well lit, with its grid visible. ' +
					'If you know the layout, gain or paper speed, set them under Settings, then press Try again.'
			}[status] || 'Correct what the message says, then press Try again.';
			this.body.replaceChildren(el('div', { class: 'error', role: 'alert' },
				el('p', { class: 'what' }, 'Problem: ', message),
				el('p', { class: 'todo' }, 'What to do: ', todo)));
			this.setActions('failed', this.retryButton(), this.deleteButton());
		}

		retry() {
			if (this.id) fetch(apiUrl('jobs/' + encodeURIComponent(this.id)), { method: 'DELETE' }).catch(() => {});
			this.id = null;
			this.settings = currentSettings();
			this.step = 0;
			this.showProgress('queued', 'Waiting to upload', 0);
			waiting.push(this);
			pump();
		}

		remove() {
			this.removed = true;
			if (this.id) fetch(apiUrl('jobs/' + encodeURIComponent(this.id)), { method: 'DELETE' }).catch(() => {});
			const i = waiting.indexOf(this);
			if (i >= 0) waiting.splice(i, 1);
			this.root.remove();
			$('empty').hidden = jobsList.children.length > 0;
		}

		fileUrl(name) {
			return apiUrl('jobs/' + encodeURIComponent(this.id) + '/' + name);
		}

		showResult(job) {
			this.bar = null;
			this.setBadge('done');
			this.stateText.textContent = 'Done in ' + fmt(job.seconds, 1) + ' s · layout ' + job.layout;
			this.setActions('done', this.deleteButton());
			this.body.replaceChildren(el('p', { class: 'panel' }, 'Loading the result…'));
			Promise.all([
				fetch(this.fileUrl('record.json')).then((r) => r.json()),
				fetch(this.fileUrl('record.csv')).then((r) => r.text())
			]).then(([diag, csv]) => this.renderResult(job, diag, parseCsv(csv, diag.fs)))
				.catch(() => this.fail(0, 'the result could not be loaded'));
		}

		renderResult(job, diag, record) {
			const leadsPrinted = Object.values(diag.leads).filter((l) => l.printed).length;
			const facts = el('ul', { class: 'facts', 'aria-label': 'Summary' },
				el('li', {}, el('b', {}, 'Layout '), diag.layout),
				el('li', {}, el('b', {}, 'Leads found '), leadsPrinted + ' of 12'),
				el('li', {}, el('b', {}, 'Gain '), fmt(diag.gain_mm_per_mv, 0) + ' mm/mV'),
				el('li', {}, el('b', {}, 'Speed '), fmt(diag.speed_mm_per_s, 0) + ' mm/s'),
				el('li', {}, el('b', {}, 'Signal '), fmt(diag.fs, 0) + ' Hz, ' + fmt(diag.duration_s, 2) + ' s'));
			const warnings = diag.warnings && diag.warnings.length ? el('div', { class: 'warnings', role: 'note' },
				el('h4', {}, '⚠ Check before use (' + diag.warnings.length + ')'),
				el('ul', {}, diag.warnings.map((w) => el('li', {}, w)))) : null;

			const panels = [
				{ name: 'What was found', build: () => this.overlayPanel() },
				{ name: 'Signals', build: () => new SignalViewer(record, diag, this.title).root },
				{ name: '12-lead plot', build: () => this.plotPanel() },
				{ name: 'Diagnostics', build: () => diagnosticsPanel(diag) }
			];
			const tablist = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Result of ' + this.title });
			const tabs = [];
			const sections = [];
			panels.forEach((p, i) => {
				const tabId = this.key + '-tab' + i;
				const panelId = this.key + '-panel' + i;
				const tab = el('button', { type: 'button', class: 'tab', role: 'tab', id: tabId,
					'aria-controls': panelId, 'aria-selected': i === 0 ? 'true' : 'false', tabindex: i === 0 ? '0' : '-1',
					'data-tab': p.name }, p.name);
				const section = el('div', { class: 'panel', role: 'tabpanel', id: panelId, 'aria-labelledby': tabId,
					hidden: i !== 0 });
				let built = false;
				const show = () => {
					tabs.forEach((t, j) => {
						t.setAttribute('aria-selected', j === i ? 'true' : 'false');
						t.tabIndex = j === i ? 0 : -1;
						sections[j].hidden = j !== i;
					});
					if (!built) {
						built = true;
						section.append(p.build());
					}
				};
				tab.addEventListener('click', show);
				tab.addEventListener('keydown', (e) => {
					const k = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: panels.length - 1 }[e.key];
					if (k === undefined) return;
					e.preventDefault();
					const target = (k + panels.length) % panels.length;
					tabs[target].click();
					tabs[target].focus();
				});
				tab.show = show;
				tabs.push(tab);
				sections.push(section);
				tablist.append(tab);
			});
			tabs[0].show();

			const r = job.record;
			const downloads = el('div', { class: 'downloads' },
				el('h4', {}, 'Download'),
				el('ul', { class: 'download-list' },
					downloadLink(this.fileUrl('record.csv'), r + '.csv', 'CSV', 'for a spreadsheet: time in s, one column per lead in mV', true),
					downloadLink(this.fileUrl('record.zip'), r + '-wfdb.zip', 'WFDB (.hea + .dat)', 'for PhysioNet and WFDB tools, zipped'),
					downloadLink(this.fileUrl('record.json'), r + '.json', 'Diagnostics (JSON)', 'layout, calibration, confidence, warnings'),
					downloadLink(this.fileUrl('overlay.png'), r + '-overlay.png', 'Overlay (PNG)', 'what was found, drawn on the page'),
					downloadLink(this.fileUrl('plot.png'), r + '-plot.png', '12-lead plot (PNG)', 'the signal drawn as a printout'),
					downloadLink(this.fileUrl('all.zip'), r + '.zip', 'Everything (zip)', 'all of the above in one file')),
				el('p', { class: 'expiry' }, 'The server deletes these files in about ' +
					Math.max(1, Math.round((job.expires_in_s || 0) / 60)) + ' min, or now if you press Delete.'));
			this.body.replaceChildren(...[facts, warnings, tablist, ...sections, downloads].filter(Boolean));
		}

		overlayPanel() {
			const frame = el('div', { class: 'zoomable' }, el('img', { src: this.fileUrl('overlay.png'),
				alt: 'The page of ' + this.title + ' with a box around each lead found, its name, and the traced line drawn over the ink.' }));
			const toggle = el('button', { type: 'button', class: 'button small', 'aria-pressed': 'false' }, 'Actual size');
			toggle.addEventListener('click', () => {
				const full = frame.classList.toggle('full');
				toggle.setAttribute('aria-pressed', full ? 'true' : 'false');
				toggle.textContent = full ? 'Fit to width' : 'Actual size';
			});
			return el('figure', { class: 'figure' }, el('div', { class: 'figure-tools' }, toggle), frame,
				el('figcaption', {}, 'Each box is a lead the digitizer found, named after it; the line inside is what ' +
					'it traced. A box on the wrong place, a wrong name or a line off the ink means the signal of that ' +
					'lead is wrong: check the warnings and the diagnostics.'));
		}

		plotPanel() {
			return el('figure', { class: 'figure' }, el('div', { class: 'zoomable' }, el('img', {
				src: this.fileUrl('plot.png'), alt: 'The digitized 12 leads drawn as a printout at 25 mm/s and 10 mm/mV.' })),
			el('figcaption', {}, 'The digitized signal redrawn as a standard printout (25 mm/s, 10 mm/mV, 1 mm and ' +
				'5 mm grid), each lead where the page printed it. Compare it with the paper.'));
		}
	}

	function downloadLink(href, filename, title, note, primary) {
		return el('li', {}, el('a', { class: 'button' + (primary ? ' primary' : ''), href: href, download: filename },
			title, el('small', {}, note)));
	}

	function source(key, value) {
		const words = SOURCES[key] || {};
		return el('span', { class: 'source' }, words[value] || String(value));
	}

	function diagnosticsPanel(d) {
		const g = d.geometry || {};
		const rows = [
			['Layout', d.layout, source('layout_source', d.layout_source)],
			['Lead names', '', source('lead_names_source', d.lead_names_source)],
			['Scale', fmt(d.px_per_mm_x, 2) + ' px/mm across, ' + fmt(d.px_per_mm_y, 2) + ' px/mm down',
				source('scale_source', d.scale_source)],
			['Rotation', fmt(d.angle_deg, 2) + '°', source('angle_source', d.angle_source)],
			['Perspective', g.perspective_corrected ? 'corrected (photo taken at an angle)' : 'none', ''],
			['Gain', fmt(d.gain_mm_per_mv, 0) + ' mm/mV', source('gain_source', d.gain_source)],
			['Paper speed', fmt(d.speed_mm_per_s, 0) + ' mm/s', source('speed_source', d.speed_source)],
			['Signal', fmt(d.fs, 0) + ' Hz, ' + fmt(d.duration_s, 2) + ' s', '']
		];
		const page = el('table', {}, el('caption', { class: 'visually-hidden' }, 'Page measurements'),
			el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Measure'), el('th', { scope: 'col' }, 'Value'),
				el('th', { scope: 'col' }, 'Where it came from'))),
			el('tbody', {}, rows.map(([k, v, s]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v), el('td', {}, s)))));
		const leads = el('table', {}, el('caption', { class: 'visually-hidden' }, 'Confidence per lead'),
			el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Lead'), el('th', { scope: 'col' }, 'On the page'),
				el('th', { scope: 'col' }, 'Confidence'))),
			el('tbody', {}, Object.entries(d.leads).map(([name, l]) => {
				const c = l.confidence;
				const word = c === null ? '' : c >= 0.9 ? 'good' : c >= 0.6 ? 'fair: check it' : 'low: check it';
				return el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, l.printed ? 'yes' : 'no (left empty)'),
					el('td', { class: 'num' }, c === null ? '–' : [meter(c), Math.round(100 * c) + ' % ', el('span', { class: 'source' }, word)]));
			})));
		const warnings = el('div', {}, el('h4', {}, 'Warnings'), d.warnings && d.warnings.length
			? el('ul', {}, d.warnings.map((w) => el('li', {}, w))) : el('p', { class: 'muted' }, 'None.'));
		return el('div', { class: 'diag' },
			el('div', {}, el('h4', {}, 'Page'), page, warnings),
			el('div', {}, el('h4', {}, 'Leads'), leads, el('p', { class: 'help' }, 'Confidence is the share of the ' +
				'lead’s width where the traced line lies on ink. Below 100 % the line bridged gaps; parts it could not ' +
				'trace are left empty rather than invented.')));
	}

	function meter(fraction) {
		const m = el('span', { class: 'meter', 'aria-hidden': 'true' }, el('span', {}));
		m.firstChild.style.width = Math.round(100 * Math.max(0, Math.min(1, fraction))) + '%';
		return m;
	}

	/** The CSV record: lead names and one Float64Array per lead, NaN where the cell is empty. */
	function parseCsv(text, fs) {
		const lines = text.split('\n').filter((l) => l.length > 0);
		const names = lines[0].split(',').slice(1).map((n) => n.replace(/^"|"$/g, ''));
		const n = lines.length - 1;
		const data = names.map(() => new Float64Array(n));
		for (let i = 0; i < n; i++) {
			const cells = lines[i + 1].split(',');
			for (let j = 0; j < names.length; j++) {
				const c = cells[j + 1];
				data[j][i] = c === undefined || c === '' ? NaN : parseFloat(c);
			}
		}
		return { names: names, data: data, fs: fs, length: n };
	}

	function finiteRange(a, from, to) {
		let lo = Infinity;
		let hi = -Infinity;
		for (let i = from; i < to; i++) {
			const v = a[i];
			if (v < lo) lo = v;
			if (v > hi) hi = v;
		}
		return lo <= hi ? [lo, hi] : null;
	}

	/** A step from the list that keeps labels at least minPx apart. */
	function niceStep(pxPerUnit, minPx, steps) {
		for (const s of steps) if (s * pxPerUnit >= minPx) return s;
		return steps[steps.length - 1];
	}

	// ---- the interactive 12-lead view ----
	class SignalViewer {
		constructor(record, diag, fileName) {
			this.r = record;
			this.duration = record.length / record.fs;
			this.lead = Math.max(0, record.names.indexOf('II'));
			this.t0 = 0;
			this.span = this.duration;
			const all = record.data.map((a) => finiteRange(a, 0, a.length)).filter(Boolean);
			this.thumbScale = Math.max(1, ...all.map(([lo, hi]) => Math.max(-lo, hi)));

			this.thumbs = record.names.map((name, i) => this.thumb(name, i));
			this.select = el('select', { 'aria-label': 'Lead shown' }, record.names.map((n, i) => el('option', { value: String(i) }, n)));
			this.select.addEventListener('change', () => this.show(parseInt(this.select.value, 10)));
			this.readout = el('span', { class: 'readout', 'aria-live': 'off' });
			const button = (label, text, f) => el('button', { type: 'button', class: 'button small', 'aria-label': label, onclick: f }, text);
			this.pan = el('input', { type: 'range', min: '0', max: '0', step: '0.01', value: '0', 'aria-label': 'Start of the time window, seconds' });
			this.pan.addEventListener('input', () => {
				this.t0 = parseFloat(this.pan.value);
				this.draw();
			});
			this.chart = svg('svg', { class: 'chart', role: 'img', tabindex: '0' });
			this.chartBox = el('div', { class: 'chart-box' }, this.chart);
			this.root = el('div', { class: 'signals' },
				el('div', { class: 'leads-grid', role: 'group', 'aria-label': 'The 12 leads: choose one to see it larger' }, this.thumbs),
				el('div', { class: 'viewer' },
					el('div', { class: 'viewer-tools' },
						el('label', {}, 'Lead ', this.select),
						button('Zoom in', '+ Zoom in', () => this.zoom(0.5)),
						button('Zoom out', '− Zoom out', () => this.zoom(2)),
						button('Show the whole record', 'Whole record', () => this.reset()),
						this.readout),
					this.chartBox,
					el('div', { class: 'viewer-pan' }, el('span', {}, 'Move'), this.pan)),
				el('p', { class: 'viewer-help' }, 'Keyboard: with the chart selected, ← and → move in time, + and − zoom, ' +
					'↑ and ↓ change the lead. Ctrl + wheel or pinch zooms; drag moves.'));
			this.listen();
			this.show(this.lead);
			// draw again when the page lays out or the window changes size
			if (window.ResizeObserver) new ResizeObserver(() => this.draw()).observe(this.chartBox);
		}

		thumb(name, i) {
			const a = this.r.data[i];
			const absent = finiteRange(a, 0, a.length) === null;
			const W = 300;
			const H = 44;
			const pts = [];
			if (!absent) {
				const per = Math.max(1, Math.floor(a.length / W));
				for (let x = 0; x * per < a.length; x++) {
					const seg = finiteRange(a, x * per, Math.min(a.length, (x + 1) * per));
					if (!seg) continue;
					for (const v of seg) pts.push(x + ',' + (H / 2 - v * (H / 2 - 2) / this.thumbScale).toFixed(1));
				}
			}
			const b = el('button', { type: 'button', class: 'lead-thumb' + (absent ? ' absent' : ''), 'aria-pressed': 'false',
				'aria-label': 'Lead ' + name + (absent ? ', not printed on this page' : '') + ': show larger' },
			el('span', { class: 'name' }, name), absent ? el('span', { class: 'note' }, 'not on the page') : null,
			svg('svg', { viewBox: '0 0 ' + W + ' ' + H, preserveAspectRatio: 'none', 'aria-hidden': 'true' },
				svg('polyline', { points: pts.join(' ') })));
			b.addEventListener('click', () => this.show(i));
			return b;
		}

		show(i) {
			this.lead = i;
			this.select.value = String(i);
			this.thumbs.forEach((t, j) => t.setAttribute('aria-pressed', j === i ? 'true' : 'false'));
			const range = finiteRange(this.r.data[i], 0, this.r.length);
			// whole 0.5 mV steps around the lead's values, at least -1 to 1 mV
			this.yMin = range ? Math.min(-1, Math.floor(range[0] * 2) / 2) : -1;
			this.yMax = range ? Math.max(1, Math.ceil(range[1] * 2) / 2) : 1;
			this.draw();
		}

		zoom(factor, centre) {
			const c = centre === undefined ? this.t0 + this.span / 2 : centre;
			const span = Math.min(this.duration, Math.max(0.2, this.span * factor));
			const ratio = centre === undefined ? 0.5 : (c - this.t0) / this.span;
			this.span = span;
			this.t0 = c - ratio * span;
			this.draw();
		}

		reset() {
			this.t0 = 0;
			this.span = this.duration;
			this.draw();
		}

		listen() {
			const c = this.chart;
			c.addEventListener('keydown', (e) => {
				const step = this.span / 10;
				const actions = {
					ArrowRight: () => { this.t0 += step; },
					ArrowLeft: () => { this.t0 -= step; },
					'+': () => this.zoom(0.5), '=': () => this.zoom(0.5), '-': () => this.zoom(2),
					Home: () => { this.t0 = 0; }, End: () => { this.t0 = this.duration; },
					ArrowUp: () => this.show((this.lead + this.r.names.length - 1) % this.r.names.length),
					ArrowDown: () => this.show((this.lead + 1) % this.r.names.length)
				};
				if (!actions[e.key]) return;
				e.preventDefault();
				actions[e.key]();
				this.draw();
			});
			c.addEventListener('wheel', (e) => {
				if (!e.ctrlKey && !e.metaKey) return;
				e.preventDefault();
				this.zoom(e.deltaY > 0 ? 1.25 : 0.8, this.timeAt(e.clientX));
			}, { passive: false });
			let drag = null;
			c.addEventListener('pointerdown', (e) => {
				drag = { x: e.clientX, t0: this.t0 };
				c.setPointerCapture(e.pointerId);
			});
			c.addEventListener('pointermove', (e) => {
				if (drag) {
					this.t0 = drag.t0 - (e.clientX - drag.x) / this.pxPerS;
					this.draw();
				}
				this.showCursor(e.clientX);
			});
			c.addEventListener('pointerup', () => { drag = null; });
			c.addEventListener('pointercancel', () => { drag = null; });
			c.addEventListener('pointerleave', () => {
				if (this.cursor) this.cursor.setAttribute('visibility', 'hidden');
				this.readout.textContent = '';
			});
		}

		timeAt(clientX) {
			const box = this.chart.getBoundingClientRect();
			return this.t0 + (clientX - box.left - this.left) / this.pxPerS;
		}

		showCursor(clientX) {
			const t = this.timeAt(clientX);
			if (t < this.t0 || t > this.t0 + this.span || !this.cursor) return;
			const i = Math.min(this.r.length - 1, Math.max(0, Math.round(t * this.r.fs)));
			const v = this.r.data[this.lead][i];
			const x = this.left + (t - this.t0) * this.pxPerS;
			this.cursor.setAttribute('x1', x);
			this.cursor.setAttribute('x2', x);
			this.cursor.setAttribute('visibility', 'visible');
			this.readout.textContent = 't = ' + t.toFixed(3) + ' s, ' + (Number.isNaN(v) ? 'no value' : v.toFixed(3) + ' mV');
		}

		draw() {
			const W = Math.max(280, Math.round(this.chartBox.clientWidth || 800));
			const H = W < 520 ? 240 : 320;
			const left = 52;
			const right = 12;
			const top = 10;
			const bottom = 40;
			const pw = W - left - right;
			const ph = H - top - bottom;
			this.span = Math.min(this.span, this.duration);
			this.t0 = Math.max(0, Math.min(this.duration - this.span, this.t0));
			this.left = left;
			this.pxPerS = pw / this.span;
			const pxPerMv = ph / (this.yMax - this.yMin);
			const X = (t) => left + (t - this.t0) * this.pxPerS;
			const Y = (v) => top + (this.yMax - v) * pxPerMv;
			const t1 = this.t0 + this.span;
			const name = this.r.names[this.lead];
			const c = this.chart;
			c.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
			c.setAttribute('width', W);
			c.setAttribute('height', H);
			c.setAttribute('aria-label', 'Lead ' + name + ' from ' + this.t0.toFixed(2) + ' to ' + t1.toFixed(2) +
				' s, ' + this.yMin + ' to ' + this.yMax + ' mV. Arrow keys move and change the lead, plus and minus zoom.');
			const parts = [];
			const line = (cls, x1, y1, x2, y2) => svg('line', { class: cls, x1: x1, y1: y1, x2: x2, y2: y2 });
			// ECG paper: 0.04 s and 0.1 mV small squares, 0.2 s and 0.5 mV large ones, when there is room
			const minorT = 0.04 * this.pxPerS >= 4;
			const minorV = 0.1 * pxPerMv >= 4;
			for (let k = Math.ceil(this.t0 / 0.04 - 1e-9); k * 0.04 <= t1 + 1e-9; k++) {
				const major = k % 5 === 0;
				if (major || minorT) parts.push(line(major ? 'major' : 'minor', X(k * 0.04), top, X(k * 0.04), top + ph));
			}
			for (let k = Math.ceil(this.yMin / 0.1 - 1e-9); k * 0.1 <= this.yMax + 1e-9; k++) {
				const major = k % 5 === 0;
				if (major || minorV) parts.push(line(major ? 'major' : 'minor', left, Y(k * 0.1), left + pw, Y(k * 0.1)));
			}
			parts.push(line('zero', left, Y(0), left + pw, Y(0)));
			// axis labels in seconds and millivolts
			const tStep = niceStep(this.pxPerS, 56, [0.04, 0.1, 0.2, 0.5, 1, 2, 5]);
			for (let k = Math.ceil(this.t0 / tStep - 1e-9); k * tStep <= t1 + 1e-9; k++) {
				const t = k * tStep;
				parts.push(svg('text', { class: 'tick', x: X(t), y: top + ph + 15, 'text-anchor': 'middle' },
					(tStep < 0.1 ? t.toFixed(2) : tStep < 1 ? t.toFixed(1) : t.toFixed(0))));
			}
			const vStep = niceStep(pxPerMv, 22, [0.1, 0.2, 0.5, 1, 2, 5]);
			for (let k = Math.ceil(this.yMin / vStep - 1e-9); k * vStep <= this.yMax + 1e-9; k++) {
				const v = k * vStep;
				parts.push(svg('text', { class: 'tick', x: left - 6, y: Y(v) + 4, 'text-anchor': 'end' },
					(vStep < 1 ? v.toFixed(1) : v.toFixed(0))));
			}
			parts.push(svg('text', { class: 'axis-title', x: left + pw / 2, y: H - 4, 'text-anchor': 'middle' }, 'Time (s)'));
			parts.push(svg('text', { class: 'axis-title', x: 12, y: top + ph / 2, 'text-anchor': 'middle',
				transform: 'rotate(-90 12 ' + (top + ph / 2) + ')' }, 'mV'));
			// the trace: at most two points (min and max) per pixel column, broken where there is no signal
			const a = this.r.data[this.lead];
			const i0 = Math.max(0, Math.floor(this.t0 * this.r.fs));
			const i1 = Math.min(this.r.length, Math.ceil(t1 * this.r.fs) + 1);
			const perPx = (i1 - i0) / pw;
			let d = '';
			let pen = false;
			if (perPx <= 2) {
				for (let i = i0; i < i1; i++) {
					const v = a[i];
					if (Number.isNaN(v)) {
						pen = false;
						continue;
					}
					d += (pen ? 'L' : 'M') + X(i / this.r.fs).toFixed(1) + ' ' + Y(v).toFixed(1);
					pen = true;
				}
			}
			else {
				for (let px = 0; px < pw; px++) {
					const from = i0 + Math.floor(px * perPx);
					const to = Math.min(i1, i0 + Math.floor((px + 1) * perPx));
					const seg = finiteRange(a, from, to);
					if (!seg) {
						pen = false;
						continue;
					}
					const x = (left + px).toFixed(1);
					d += (pen ? 'L' : 'M') + x + ' ' + Y(seg[1]).toFixed(1) + 'L' + x + ' ' + Y(seg[0]).toFixed(1);
					pen = true;
				}
			}
			if (d) parts.push(svg('path', { class: 'trace', d: d }));
			else {
				parts.push(svg('text', { class: 'absent-text', x: left + pw / 2, y: top + ph / 2, 'text-anchor': 'middle' },
					'Lead ' + name + ' has no signal here: it was not printed on this part of the page.'));
			}
			parts.push(svg('text', { class: 'axis-title', x: left + 8, y: top + 16 }, name));
			this.cursor = line('cursor', 0, top, 0, top + ph);
			this.cursor.setAttribute('visibility', 'hidden');
			parts.push(this.cursor);
			c.replaceChildren(...parts);
			this.pan.max = String(Math.max(0, this.duration - this.span).toFixed(2));
			this.pan.value = String(this.t0.toFixed(2));
			this.pan.disabled = this.span >= this.duration;
		}
	}
})();
