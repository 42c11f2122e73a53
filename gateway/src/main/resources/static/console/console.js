/*
 * The ClaimPort console. It signs in with an API key, keeps it in this tab's session storage (never
 * in local storage, a cookie or a URL), sends it as X-API-Key, and forgets it on sign-out. Every
 * value from the API reaches the page as text (textContent, or drawn on a canvas by Chart.js): never
 * as HTML.
 */
(function () {
	'use strict';

	var STORED_KEY = 'claimport.console.apiKey';
	var SCOPES = ['products:read', 'products:write', 'orders:read', 'orders:write', 'claims:read', 'claims:write',
		'analytics:read', 'full:access'];
	var COLOURS = ['#2f6db3', '#d9822b', '#2e9c6a', '#b03a5b', '#7a5cc4', '#5c8a99', '#a38b2c', '#444'];
	var view = document.getElementById('view');
	var nav = document.getElementById('nav');
	var charts = [];

	// ---- small helpers -----------------------------------------------------------------------

	/** An element with attributes and children; strings become text nodes, never markup. */
	function el(tag, attributes) {
		var node = document.createElement(tag);
		Object.keys(attributes || {}).forEach(function (name) {
			var value = attributes[name];
			if (value === null || value === undefined || value === false) {
				return;
			}
			if (name === 'text') {
				node.textContent = String(value);
			}
			else if (name.indexOf('on') === 0) {
				node.addEventListener(name.substring(2), value);
			}
			else {
				node.setAttribute(name, value === true ? '' : String(value));
			}
		});
		for (var i = 2; i < arguments.length; i++) {
			append(node, arguments[i]);
		}
		return node;
	}

	function append(node, child) {
		if (child === null || child === undefined || child === false) {
			return;
		}
		if (Array.isArray(child)) {
			child.forEach(function (each) { append(node, each); });
		}
		else if (child instanceof Node) {
			node.appendChild(child);
		}
		else {
			node.appendChild(document.createTextNode(String(child)));
		}
	}

	function clear(node) {
		while (node.firstChild) {
			node.removeChild(node.firstChild);
		}
	}

	function show() {
		charts.forEach(function (chart) { chart.destroy(); });
		charts = [];
		clear(view);
		for (var i = 0; i < arguments.length; i++) {
			append(view, arguments[i]);
		}
	}

	function message(text, kind) {
		return el('div', { 'class': 'message' + (kind === 'error' ? ' error' : ''), role: 'status', text: text });
	}

	function table(headers, rows) {
		return el('div', { 'class': 'table-wrap' },
			el('table', {},
				el('thead', {}, el('tr', {}, headers.map(function (h) { return el('th', { text: h }); }))),
				el('tbody', {}, rows)));
	}

	function cell(value) {
		return el('td', { text: value === null || value === undefined ? '' : value });
	}

	function when(instant) {
		return instant ? new Date(instant).toLocaleString() : 'never';
	}

	function isoDay(date) {
		return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-'
			+ String(date.getDate()).padStart(2, '0');
	}

	function daysAgo(days) {
		var date = new Date();
		date.setDate(date.getDate() - days);
		return isoDay(date);
	}

	/** What a problem+json answer says, for people. */
	function problemText(answer) {
		var body = answer.body;
		if (body && typeof body === 'object') {
			var text = body.detail || body.title || ('HTTP ' + answer.status);
			if (Array.isArray(body.errors) && body.errors.length) {
				text += ' ' + body.errors.map(function (e) { return e.message; }).join(' ');
			}
			return text;
		}
		return 'HTTP ' + answer.status;
	}

	// ---- the key and the API ------------------------------------------------------------------

	function key() {
		return sessionStorage.getItem(STORED_KEY);
	}

	function signOut(reason) {
		sessionStorage.removeItem(STORED_KEY);
		nav.hidden = true;
		signIn(reason);
	}

	/** Calls the API with the key; answers {status, body} (JSON, or text for CSV). */
	function api(method, path, body, accept) {
		var headers = { 'X-API-Key': key(), 'Accept': accept || 'application/json' };
		var options = { method: method, headers: headers, cache: 'no-store', credentials: 'omit',
			referrerPolicy: 'no-referrer' };
		if (body !== undefined) {
			headers['Content-Type'] = 'application/json';
			options.body = JSON.stringify(body);
		}
		return fetch(path, options).then(function (response) {
			var type = response.headers.get('Content-Type') || '';
			var read = type.indexOf('json') >= 0 ? response.json() : response.text();
			return read.then(function (parsed) {
				if (response.status === 401) {
					signOut('The key was refused (' + problemText({ status: 401, body: parsed })
						+ '). Sign in again.');
					throw new Error('signed out');
				}
				return { status: response.status, body: parsed, headers: response.headers };
			});
		});
	}

	/** Downloads an answer of the API as a file: the key travels in a header, never a link. */
	function download(path, name) {
		return api('GET', path, undefined, 'text/csv').then(function (answer) {
			if (answer.status !== 200) {
				throw new Error(problemText(answer));
			}
			var url = URL.createObjectURL(new Blob([answer.body], { type: 'text/csv' }));
			var link = el('a', { href: url, download: name, hidden: true });
			document.body.appendChild(link);
			link.click();
			link.remove();
			setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
		});
	}

	function csvButton(path, name, into) {
		return el('button', { type: 'button', 'class': 'secondary', 'data-csv': name, onclick: function () {
			download(path, name).catch(function (error) {
				if (into) {
					into.replaceChildren(message('The download failed: ' + error.message, 'error'));
				}
			});
		} }, 'CSV');
	}

	// ---- sign in ------------------------------------------------------------------------------

	function signIn(reason) {
		var input = el('input', { type: 'password', id: 'api-key', name: 'api-key', autocomplete: 'off',
			placeholder: 'cp_live_…', required: true });
		var form = el('form', { 'class': 'card sign-in', onsubmit: function (event) {
			event.preventDefault();
			var candidate = input.value.trim();
			input.value = '';
			sessionStorage.setItem(STORED_KEY, candidate);
			// any answer but 401 means the key is good; what it may do, each page finds out
			api('GET', '/api/v1/account').then(function () {
				nav.hidden = false;
				if (!location.hash || location.hash === '#/' || location.hash === '#/sign-in') {
					location.hash = '#/analytics';
				}
				route();
			}).catch(function () { /* signOut has said why */ });
		} },
			el('h1', { text: 'Sign in to the console' }),
			reason ? message(reason, 'error') : null,
			el('p', { 'class': 'muted', text: 'With an API key of your account (Settings → API). It stays in this '
				+ 'tab only and is forgotten when you sign out or close the tab.' }),
			el('label', {}, 'API key', input),
			el('p', {}, el('button', { type: 'submit', id: 'sign-in' }, 'Sign in')));
		show(form);
		input.focus();
	}

	// ---- keys (Settings → API) ----------------------------------------------------------------

	function scopeBoxes(chosen) {
		return el('fieldset', { 'class': 'filters' }, el('legend', { text: 'Scopes' }),
			SCOPES.map(function (scope) {
				return el('label', { 'class': 'check' },
					el('input', { type: 'checkbox', name: 'scope', value: scope, checked: chosen.indexOf(scope) >= 0 }),
					scope);
			}));
	}

	function chosenScopes(form) {
		return Array.prototype.slice.call(form.querySelectorAll('input[name=scope]:checked'))
			.map(function (box) { return box.value; });
	}

	function allowList(text) {
		return text.split(/[\s,]+/).filter(function (entry) { return entry.length > 0; });
	}

	function secretShown(title, issued, then) {
		var code = el('code', { id: 'new-secret', text: issued.key });
		var copied = el('span', { 'class': 'muted', role: 'status' });
		return el('div', { 'class': 'secret', id: 'secret-panel' },
			el('strong', { text: title }),
			el('p', { text: 'Copy this key now and keep it somewhere safe: it is shown only this once, and '
				+ 'ClaimPort keeps only a hash of it.' }),
			code,
			el('button', { type: 'button', id: 'copy-secret', onclick: function () {
				if (navigator.clipboard) {
					navigator.clipboard.writeText(issued.key).then(function () { copied.textContent = 'Copied.'; },
						function () { copied.textContent = 'Select the key and copy it.'; });
				}
				else {
					copied.textContent = 'Select the key and copy it.';
				}
			} }, 'Copy'), ' ',
			el('button', { type: 'button', 'class': 'secondary', id: 'secret-done', onclick: then }, 'Done'), ' ',
			copied);
	}

	function confirmed(text, action, then) {
		var dialog = el('dialog', { id: 'confirm' },
			el('p', { text: text }),
			el('menu', {},
				el('button', { type: 'button', 'class': 'secondary', id: 'confirm-cancel', onclick: function () {
					dialog.close();
					dialog.remove();
				} }, 'Cancel'),
				el('button', { type: 'button', 'class': 'danger', id: 'confirm-ok', onclick: function () {
					dialog.close();
					dialog.remove();
					then();
				} }, action)));
		document.body.appendChild(dialog);
		dialog.showModal();
	}

	function keys(notice) {
		api('GET', '/api/v1/keys').then(function (answer) {
			if (answer.status === 403) {
				show(el('h1', { text: 'Settings → API' }),
					message('This key may not manage keys: that takes the full:access scope. Sign in with such a '
						+ 'key to list, create, change, rotate or revoke keys.'));
				return;
			}
			if (answer.status !== 200) {
				show(el('h1', { text: 'Settings → API' }), message(problemText(answer), 'error'));
				return;
			}
			var rows = answer.body.data.map(function (k) {
				var today = k.usageToday || { requests: 0 };
				return el('tr', { 'data-key-id': k.id },
					cell(k.name), cell(k.prefix + '…' + k.lastFour), cell(k.scopes.join(', ')),
					cell(k.ipAllowlist.length ? k.ipAllowlist.join(', ') : 'any address'), cell(k.status),
					cell(when(k.lastUsedAt)), cell(today.requests),
					el('td', { 'class': 'actions' },
						el('button', { type: 'button', 'class': 'secondary', 'data-action': 'edit', onclick: function () {
							edit(k);
						} }, 'Edit'),
						el('button', { type: 'button', 'class': 'secondary', 'data-action': 'rotate', onclick: function () {
							confirmed('Rotate "' + k.name + '"? A new secret replaces it; the old one keeps working '
								+ 'for a grace period, then stops.', 'Rotate', function () {
								api('POST', '/api/v1/keys/' + encodeURIComponent(k.id) + '/rotate').then(function (rotated) {
									if (rotated.status === 201) {
										show(secretShown('The new secret of "' + k.name + '"', rotated.body,
											function () { keys(); }));
									}
									else {
										keys(message(problemText(rotated), 'error'));
									}
								});
							});
						} }, 'Rotate'),
						el('button', { type: 'button', 'class': 'danger', 'data-action': 'revoke', onclick: function () {
							confirmed('Revoke "' + k.name + '"? Every call with it is refused from now on. This cannot '
								+ 'be undone.', 'Revoke', function () {
								api('DELETE', '/api/v1/keys/' + encodeURIComponent(k.id)).then(function (revoked) {
									keys(revoked.status === 204 ? message('"' + k.name + '" is revoked.')
										: message(problemText(revoked), 'error'));
								});
							});
						} }, 'Revoke')));
			});
			show(el('h1', { text: 'Settings → API' }), notice || null,
				el('section', { 'class': 'card' }, el('h2', { text: 'API keys' }),
					table(['Name', 'Key', 'Scopes', 'Allowed addresses', 'Status', 'Last used', 'Requests today', ''],
						rows)),
				createForm());
		});
	}

	function createForm() {
		var name = el('input', { type: 'text', id: 'new-key-name', required: true, maxlength: 200 });
		var addresses = el('textarea', { id: 'new-key-allowlist', rows: 2, cols: 40,
			placeholder: '203.0.113.0/24, 198.51.100.7 (empty: any address)' });
		var form = el('form', { 'class': 'card', id: 'create-key', onsubmit: function (event) {
			event.preventDefault();
			api('POST', '/api/v1/keys', { name: name.value, scopes: chosenScopes(form),
				ipAllowlist: allowList(addresses.value) }).then(function (answer) {
				if (answer.status === 201) {
					show(secretShown('Your new key "' + answer.body.name + '"', answer.body, function () { keys(); }));
				}
				else {
					form.replaceChildren(message(problemText(answer), 'error'));
					setTimeout(function () { keys(); }, 4000);
				}
			});
		} },
			el('h2', { text: 'Create a key' }),
			el('div', { 'class': 'filters' }, el('label', {}, 'Name', name), el('label', {}, 'Allowed addresses',
				addresses)),
			scopeBoxes([]),
			el('p', {}, el('button', { type: 'submit', id: 'create' }, 'Create key')));
		return form;
	}

	function edit(k) {
		var addresses = el('textarea', { id: 'edit-allowlist', rows: 2, text: k.ipAllowlist.join(', ') });
		var form = el('form', { 'class': 'card', id: 'edit-key', onsubmit: function (event) {
			event.preventDefault();
			api('PATCH', '/api/v1/keys/' + encodeURIComponent(k.id), { scopes: chosenScopes(form),
				ipAllowlist: allowList(addresses.value) }).then(function (answer) {
				keys(answer.status === 200 ? message('"' + k.name + '" is changed.')
					: message(problemText(answer), 'error'));
			});
		} },
			el('h2', { text: 'Change "' + k.name + '"' }),
			scopeBoxes(k.scopes),
			el('label', {}, 'Allowed addresses (empty: any)', addresses),
			el('p', {}, el('button', { type: 'submit', id: 'save-key' }, 'Save'), ' ',
				el('button', { type: 'button', 'class': 'secondary', onclick: function () { keys(); } }, 'Cancel')));
		show(el('h1', { text: 'Settings → API' }), form);
	}

	// ---- charts -------------------------------------------------------------------------------

	function chartCard(title, id, csvPath, csvName) {
		var canvas = el('canvas', { id: id, role: 'img', 'aria-label': title });
		var body = el('div', { 'class': 'chart' }, canvas);
		var card = el('section', { 'class': 'card', 'data-chart': id },
			el('div', { 'class': 'card-head' }, el('h2', { text: title }),
				csvPath ? csvButton(csvPath, csvName, body) : null),
			body);
		return { card: card, canvas: canvas, body: body };
	}

	function draw(canvas, type, labels, datasets, options) {
		var chart = new Chart(canvas, {
			type: type,
			data: { labels: labels, datasets: datasets },
			options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
				plugins: { legend: { display: datasets.length > 1 } } }, options || {})
		});
		charts.push(chart);
		canvas.setAttribute('data-drawn', String(datasets.reduce(function (n, d) {
			return n + d.data.filter(function (v) { return v !== null && v !== 0; }).length;
		}, 0)));
		return chart;
	}

	function dataset(label, data, colour, extra) {
		return Object.assign({ label: label, data: data, borderColor: colour, backgroundColor: colour,
			borderWidth: 2, pointRadius: 2 }, extra || {});
	}

	// ---- analytics ----------------------------------------------------------------------------

	var range = { from: daysAgo(29), to: isoDay(new Date()), interval: 'day',
		tz: (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC') };

	function metricPath(name, extra) {
		return '/api/v1/analytics/metrics/' + name + '?from=' + range.from + '&to=' + range.to + '&tz='
			+ encodeURIComponent(range.tz) + (extra || '');
	}

	function rangeForm(then) {
		var from = el('input', { type: 'date', id: 'range-from', value: range.from });
		var to = el('input', { type: 'date', id: 'range-to', value: range.to });
		var interval = el('select', { id: 'range-interval' }, ['day', 'week', 'month'].map(function (i) {
			return el('option', { value: i, selected: i === range.interval }, i);
		}));
		return el('form', { 'class': 'card filters', id: 'range', onsubmit: function (event) {
			event.preventDefault();
			range.from = from.value;
			range.to = to.value;
			range.interval = interval.value;
			then();
		} },
			el('label', {}, 'From', from), el('label', {}, 'To', to), el('label', {}, 'Per', interval),
			el('span', { 'class': 'muted', text: 'Time zone ' + range.tz }),
			el('button', { type: 'submit', id: 'apply-range' }, 'Show'));
	}

	function analytics() {
		var freshness = el('p', { 'class': 'muted', id: 'as-of' });
		var problems = el('div');
		var series = '&interval=' + range.interval;
		var cards = [
			chartCard('Claims', 'chart-claims', metricPath('claims', series), 'claims.csv'),
			chartCard('Claim rate (claims per order)', 'chart-claim-rate', metricPath('claim-rate', series),
				'claim-rate.csv'),
			chartCard('Approval rate', 'chart-approval-rate', metricPath('approval-rate', series), 'approval-rate.csv'),
			chartCard('Time to resolution (hours)', 'chart-time-to-resolution',
				metricPath('time-to-resolution', series), 'time-to-resolution.csv'),
			chartCard('Resolution cost by type', 'chart-resolution-cost', metricPath('resolution-cost',
				'&by=resolutionType'), 'resolution-cost.csv'),
			chartCard('Claims by issue type', 'chart-issue-types', metricPath('claims', '&by=issueType'),
				'claims-by-issue-type.csv')
		];
		var topSkus = el('section', { 'class': 'card', id: 'top-skus' });
		var latest = el('section', { 'class': 'card', id: 'latest-claims' });
		show(el('h1', { text: 'Analytics' }), rangeForm(analytics), freshness, problems,
			el('div', { 'class': 'grid' }, cards.map(function (c) { return c.card; })), topSkus, latest);

		function metric(name, extra) {
			return api('GET', metricPath(name, extra)).then(function (answer) {
				if (answer.status === 403) {
					throw new Error('This key may not read analytics: that takes the analytics:read scope.');
				}
				if (answer.status !== 200) {
					throw new Error(problemText(answer));
				}
				if (answer.body.asOf) {
					freshness.textContent = 'Numbers include every event up to ' + when(answer.body.asOf) + '.';
				}
				else {
					freshness.textContent = 'No events yet for this account.';
				}
				return answer.body;
			});
		}

		function periods(body) {
			return body.series.map(function (row) { return row.period; });
		}

		Promise.all([
			metric('claims', series).then(function (body) {
				draw(cards[0].canvas, 'bar', periods(body), [dataset('Claims', body.series.map(function (r) {
					return r.count;
				}), COLOURS[0])]);
			}),
			metric('claim-rate', series).then(function (body) {
				draw(cards[1].canvas, 'line', periods(body), [dataset('Claim rate', body.series.map(function (r) {
					return r.rate;
				}), COLOURS[1], { spanGaps: true })], { scales: { y: { min: 0, suggestedMax: 0.1 } } });
			}),
			metric('approval-rate', series).then(function (body) {
				draw(cards[2].canvas, 'line', periods(body), [dataset('Approval rate', body.series.map(function (r) {
					return r.rate;
				}), COLOURS[2], { spanGaps: true })], { scales: { y: { min: 0, max: 1 } } });
			}),
			metric('time-to-resolution', series).then(function (body) {
				function hours(field) {
					return body.series.map(function (r) { return r[field] === null ? null : r[field] / 3600; });
				}
				draw(cards[3].canvas, 'line', periods(body), [dataset('Median', hours('medianSeconds'), COLOURS[0],
					{ spanGaps: true }), dataset('90th percentile', hours('p90Seconds'), COLOURS[3], { spanGaps: true })]);
			}),
			metric('resolution-cost', '&by=resolutionType').then(function (body) {
				var types = [];
				var currencies = [];
				body.total.forEach(function (row) {
					if (types.indexOf(row.group) < 0) { types.push(row.group); }
					if (currencies.indexOf(row.currency) < 0) { currencies.push(row.currency); }
				});
				draw(cards[4].canvas, 'bar', types, currencies.map(function (currency, i) {
					return dataset(currency, types.map(function (type) {
						var row = body.total.find(function (r) { return r.group === type && r.currency === currency; });
						return row ? Number(row.amount) : 0;
					}), COLOURS[i % COLOURS.length]);
				}));
			}),
			metric('claims', '&by=issueType').then(function (body) {
				draw(cards[5].canvas, 'bar', body.total.map(function (r) { return r.group === null ? 'not given' : r.group; }),
					[dataset('Claims', body.total.map(function (r) { return r.count; }), COLOURS[4])],
					{ indexAxis: 'y' });
			}),
			metric('top-skus', '&limit=10').then(function (body) {
				var canvas = el('canvas', { id: 'chart-top-skus', role: 'img', 'aria-label': 'Top SKUs by claims' });
				topSkus.replaceChildren(el('div', { 'class': 'card-head' }, el('h2', { text: 'Top SKUs by claims' }),
					csvButton(metricPath('top-skus', '&limit=10'), 'top-skus.csv', topSkus)),
					el('div', { 'class': 'chart' }, canvas),
					table(['SKU', 'Product', 'Category', 'Claims', 'Orders', 'Claim rate'], body.total.map(function (r) {
						return el('tr', {}, cell(r.group), cell(r.productName), cell(r.category), cell(r.numerator),
							cell(r.denominator), cell(r.rate === null ? '' : (Number(r.rate) * 100).toFixed(1) + ' %'));
					})));
				draw(canvas, 'bar', body.total.map(function (r) { return r.group; }),
					[dataset('Claims', body.total.map(function (r) { return r.numerator; }), COLOURS[5])],
					{ indexAxis: 'y' });
			})
		]).catch(function (error) {
			problems.replaceChildren(message(error.message, 'error'));
		});

		api('GET', '/api/v1/claims?first=5').then(function (answer) {
			if (answer.status !== 200) {
				latest.replaceChildren(el('h2', { text: 'Latest claims' }),
					message(answer.status === 403 ? 'This key may not read claims: that takes the claims:read scope.'
						: problemText(answer)));
				return;
			}
			latest.replaceChildren(el('h2', { text: 'Latest claims' }),
				table(['Claim', 'State', 'Type', 'Description', 'Filed'], answer.body.edges.map(function (edge) {
					var c = edge.node;
					return el('tr', {}, cell(c.id), cell(c.claimState), cell(c.claimType), cell(c.claimDescription),
						cell(when(c.createdAt)));
				})));
		});
	}

	// ---- usage --------------------------------------------------------------------------------

	function usage() {
		Promise.all([api('GET', '/api/v1/account'), api('GET', '/api/v1/audit/usage'), api('GET', '/api/v1/keys')])
			.then(function (answers) {
				var account = answers[0];
				var report = answers[1];
				var keyList = answers[2];
				if (report.status === 403 || account.status === 403) {
					show(el('h1', { text: 'Usage' }), message('This key may not read usage: that takes the '
						+ 'full:access scope.'));
					return;
				}
				if (report.status !== 200) {
					show(el('h1', { text: 'Usage' }), message(problemText(report), 'error'));
					return;
				}
				var names = {};
				if (keyList.status === 200) {
					keyList.body.data.forEach(function (k) { names[k.id] = k.name + ' (' + k.prefix + '…' + k.lastFour + ')'; });
				}
				var days = [];
				for (var d = new Date(report.body.from + 'T00:00:00'); isoDay(d) <= report.body.to;
					d.setDate(d.getDate() + 1)) {
					days.push(isoDay(d));
				}
				var perKey = {};
				report.body.data.forEach(function (row) {
					perKey[row.keyId] = perKey[row.keyId] || {};
					perKey[row.keyId][row.day] = row.requests;
				});
				var limits = account.body.limits;
				var card = chartCard('Requests per key per day (UTC)', 'chart-usage');
				var datasets = Object.keys(perKey).map(function (keyId, i) {
					return dataset(names[keyId] || keyId, days.map(function (day) { return perKey[keyId][day] || 0; }),
						COLOURS[i % COLOURS.length]);
				});
				datasets.push(dataset('Daily limit per key (' + account.body.plan + ')', days.map(function () {
					return limits.requestsPerDay;
				}), '#a3261b', { borderDash: [6, 4], pointRadius: 0 }));
				show(el('h1', { text: 'Usage' }),
					el('p', { 'class': 'muted', id: 'plan-limits', text: 'Plan ' + account.body.plan + ': '
						+ limits.requestsPerMinute.toLocaleString() + ' requests a minute and '
						+ limits.requestsPerDay.toLocaleString() + ' a day per key, ' + limits.maxKeys + ' keys.' }),
					card.card,
					el('section', { 'class': 'card' }, el('h2', { text: 'By key and day' }),
						table(['Day', 'Key', 'Requests', '4xx', '5xx', 'Share of the daily limit'],
							report.body.data.slice().reverse().map(function (row) {
								return el('tr', {}, cell(row.day), cell(names[row.keyId] || row.keyId), cell(row.requests),
									cell(row.clientErrors), cell(row.serverErrors),
									cell((100 * row.requests / limits.requestsPerDay).toFixed(2) + ' %'));
							}))));
				draw(card.canvas, 'line', days, datasets, { plugins: { legend: { display: true } },
					scales: { y: { type: 'logarithmic', min: 1 } } });
			});
	}

	// ---- request log --------------------------------------------------------------------------

	function requests(filters, after) {
		filters = filters || {};
		var method = el('select', { id: 'filter-method' }, ['', 'GET', 'POST', 'PATCH', 'PUT', 'DELETE'].map(function (m) {
			return el('option', { value: m, selected: filters.method === m }, m || 'any method');
		}));
		var path = el('input', { type: 'text', id: 'filter-path', placeholder: '/api/v1/claims', value: filters.pathPrefix || '' });
		var minStatus = el('input', { type: 'number', id: 'filter-min-status', min: 100, max: 599,
			value: filters.minStatus || '' });
		var maxStatus = el('input', { type: 'number', id: 'filter-max-status', min: 100, max: 599,
			value: filters.maxStatus || '' });
		var from = el('input', { type: 'date', id: 'filter-from', value: filters.from || '' });
		var to = el('input', { type: 'date', id: 'filter-to', value: filters.to || '' });
		var keyId = el('input', { type: 'text', id: 'filter-key', placeholder: 'key_…', value: filters.keyId || '' });
		var query = Object.keys(filters).filter(function (name) { return filters[name]; }).map(function (name) {
			return name + '=' + encodeURIComponent(filters[name]);
		}).join('&');
		var results = el('div', { id: 'request-results' });
		var form = el('form', { 'class': 'card filters', id: 'request-filters', onsubmit: function (event) {
			event.preventDefault();
			requests({ method: method.value, pathPrefix: path.value.trim(), minStatus: minStatus.value,
				maxStatus: maxStatus.value, from: from.value, to: to.value, keyId: keyId.value.trim() });
		} },
			el('label', {}, 'Method', method), el('label', {}, 'Path begins', path),
			el('label', {}, 'Status from', minStatus), el('label', {}, 'to', maxStatus),
			el('label', {}, 'From (UTC day)', from), el('label', {}, 'To', to), el('label', {}, 'Key id', keyId),
			el('button', { type: 'submit', id: 'apply-filters' }, 'Filter'),
			csvButton('/api/v1/audit/requests?' + query, 'requests.csv', results));
		show(el('h1', { text: 'Requests' }), form, results);
		api('GET', '/api/v1/audit/requests?first=50' + (query ? '&' + query : '')
			+ (after ? '&after=' + encodeURIComponent(after) : '')).then(function (answer) {
			if (answer.status === 403) {
				results.replaceChildren(message('This key may not read the request log: that takes the full:access scope.'));
				return;
			}
			if (answer.status !== 200) {
				results.replaceChildren(message(problemText(answer), 'error'));
				return;
			}
			var rows = answer.body.edges.map(function (edge) {
				var r = edge.node;
				return el('tr', {}, cell(when(r.receivedAt)), cell(r.method), cell(r.path), cell(r.status),
					cell(r.latencyMillis + ' ms'), cell(r.keyId), cell(r.clientIp), cell(r.userAgent),
					cell(r.rejectionReason));
			});
			results.replaceChildren(el('section', { 'class': 'card' },
				table(['Received', 'Method', 'Path', 'Status', 'Took', 'Key', 'Address', 'User agent', 'Refused because'],
					rows),
				answer.body.pageInfo.hasNextPage ? el('p', {}, el('button', { type: 'button', 'class': 'secondary',
					id: 'next-page', onclick: function () { requests(filters, answer.body.pageInfo.endCursor); } },
				'Older requests')) : null,
				rows.length ? null : el('p', { 'class': 'muted', text: 'No request matches.' })));
		});
	}

	// ---- routing ------------------------------------------------------------------------------

	var pages = { analytics: analytics, usage: usage, requests: requests, keys: keys };

	function route() {
		if (!key()) {
			nav.hidden = true;
			signIn();
			return;
		}
		nav.hidden = false;
		var name = (location.hash || '').replace(/^#\//, '') || 'analytics';
		var page = pages[name] || analytics;
		Array.prototype.forEach.call(nav.querySelectorAll('a'), function (link) {
			link.classList.toggle('current', link.getAttribute('data-view') === name);
		});
		page();
	}

	document.getElementById('sign-out').addEventListener('click', function () {
		history.replaceState(null, '', '#/sign-in');
		signOut('Signed out: the key is forgotten.');
	});
	window.addEventListener('hashchange', route);
	route();
}());
