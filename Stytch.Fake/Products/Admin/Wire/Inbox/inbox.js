// The Stytch.Fake web inbox. It reads and drives one project through the documented back doors under
// /_fake/v1/ only, polling once a second. Every value from the server goes into the page as text
// (textContent / text nodes); nothing is ever parsed as HTML, and the page's Content-Security-Policy
// (Trusted Types) makes the browser refuse it if anyone tries.
'use strict';

(() => {
  // The URL's fragment may pick the project and the polling interval: /_fake/#project=project-test-…&poll=500.
  const hash = new URLSearchParams(location.hash.slice(1));
  const POLL_MS = Math.min(10000, Math.max(100, Number(hash.get('poll')) || 1000));
  const TOKEN_KEY = 'stytch-fake-admin-token';

  // The Stytch endpoints a fault rule can name (ProductCatalog.StytchEndpointNames; a test keeps them equal).
  const ENDPOINTS = [
    'otps.email.login_or_create', 'otps.email.send', 'otps.authenticate',
    'users.get', 'users.delete',
    'users.create', 'users.update', 'users.search', 'users.emails.delete', 'users.phone_numbers.delete', 'users.external_id.delete',
    'sessions.authenticate', 'sessions.revoke', 'sessions.get', 'sessions.jwks',
    'magic_links.email.login_or_create', 'magic_links.email.send', 'magic_links.email.invite', 'magic_links.email.revoke_invite',
    'magic_links.create', 'magic_links.authenticate',
    'b2b.otps.email.login_or_signup', 'b2b.otps.email.authenticate',
    'b2b.organizations.create', 'b2b.organizations.search', 'b2b.organizations.get',
    'b2b.organizations.update', 'b2b.organizations.delete',
    'b2b.organizations.members.create', 'b2b.organizations.members.get', 'b2b.organizations.members.search',
    'b2b.organizations.members.update', 'b2b.organizations.members.delete',
    'b2b.sessions.authenticate', 'b2b.sessions.revoke', 'b2b.sessions.jwks',
    'b2b.magic_links.email.login_or_signup', 'b2b.magic_links.email.invite', 'b2b.magic_links.authenticate',
    'm2m.clients.create', 'm2m.clients.search', 'm2m.clients.get', 'm2m.clients.update', 'm2m.clients.delete',
    'm2m.clients.secrets.rotate_start', 'm2m.clients.secrets.rotate_cancel', 'm2m.clients.secrets.rotate', 'm2m.token',
    'rbac.policy', 'b2b.rbac.policy', 'b2b.rbac.organizations.get_org_policy', 'b2b.rbac.organizations.set_org_policy',
    'b2b.otps.email.discovery.send', 'b2b.otps.email.discovery.authenticate', 'b2b.discovery.organizations.list',
    'b2b.magic_links.email.discovery.send', 'b2b.magic_links.discovery.authenticate',
    'b2b.discovery.organizations.create', 'b2b.discovery.intermediate_sessions.exchange',
    'b2b.otps.sms.send', 'b2b.otps.sms.authenticate', 'b2b.totp.create', 'b2b.totp.authenticate',
    'b2b.recovery_codes.get', 'b2b.recovery_codes.rotate', 'b2b.recovery_codes.recover',
    'passwords.create', 'passwords.authenticate', 'passwords.strength_check', 'passwords.email.reset_start',
    'passwords.email.reset', 'passwords.existing_password.reset', 'passwords.session.reset', 'passwords.migrate',
    'b2b.passwords.authenticate', 'b2b.passwords.strength_check', 'b2b.passwords.email.reset.start', 'b2b.passwords.email.reset',
    'b2b.passwords.existing_password.reset', 'b2b.passwords.session.reset', 'b2b.passwords.migrate',
    'b2b.sessions.exchange', 'b2b.sessions.get',
    'b2b.passwords.discovery.authenticate', 'b2b.passwords.discovery.email.reset.start', 'b2b.passwords.discovery.email.reset',
    'otps.sms.login_or_create', 'otps.sms.send', 'otps.whatsapp.login_or_create', 'otps.whatsapp.send',
    'b2b.organizations.members.delete_mfa_phone_number', 'b2b.organizations.members.delete_totp',
    'b2b.totp.migrate', 'b2b.passwords.email.require_reset',
  ];

  const CANNED_ERRORS = [
    ['too_many_requests', '429 too_many_requests'],
    ['internal_server_error', '500 internal_server_error'],
    ['invalid_email', '400 invalid_email'],
    ['unauthorized_credentials', '401 unauthorized_credentials'],
  ];

  const $ = (id) => document.getElementById(id);

  let token = sessionStorage.getItem(TOKEN_KEY);
  let projectId = hash.get('project');
  let fakeNow = null;          // the project clock (ms since epoch) at the last poll
  let timer = 0;
  let running = false;
  let again = false;
  let paused = false;
  let projectsKey = '';
  let dataKey = '';
  let flashTimer = 0;

  // ---- DOM helpers: text only ------------------------------------------------------------------

  /** An element with attributes and children; strings become text nodes, never markup. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const oneOf = (value, allowed, otherwise) => (allowed.includes(value) ? value : otherwise);

  function empty(text) {
    return el('p', { class: 'empty' }, text);
  }

  // ---- the back-door API -----------------------------------------------------------------------

  class NeedToken extends Error {}

  class ApiError extends Error {
    constructor(status, errorType, message) {
      super(message);
      this.status = status;
      this.errorType = errorType;
    }
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (token) headers['X-Admin-Token'] = token;
    const init = { method, headers, cache: 'no-store', credentials: 'omit' };
    // The server refuses a back-door call that changes state without the JSON content type, even when empty.
    if (method !== 'GET') headers['Content-Type'] = 'application/json';
    if (body !== undefined) init.body = JSON.stringify(body);

    const response = await fetch('v1/' + path, init);
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }

    if (response.status === 401) throw new NeedToken((json && json.error_message) || 'The admin token is required.');
    if (!response.ok) {
      throw new ApiError(response.status, json && json.error_type, (json && json.error_message) || `HTTP ${response.status}`);
    }

    return json;
  }

  const projectPath = (rest) => 'projects/' + encodeURIComponent(projectId) + (rest ? '/' + rest : '');

  // ---- polling ---------------------------------------------------------------------------------

  async function refresh() {
    if (paused) return;
    if (running) {
      again = true;
      return;
    }

    running = true;
    clearTimeout(timer);
    try {
      const { projects } = await api('GET', 'projects');
      renderProjects(projects);
      if (!projectId) {
        setStatus('no project', 'error');
        return;
      }

      const [clock, outbox, users, organizations, sessions, faults] = await Promise.all([
        api('GET', projectPath('clock')),
        api('GET', projectPath('outbox')),
        api('GET', projectPath('users')),
        api('GET', projectPath('organizations')),
        api('GET', projectPath('sessions')),
        api('GET', projectPath('faults')),
      ]);
      fakeNow = Date.parse(clock.now);
      renderClock(clock);
      const key = JSON.stringify([projectId, outbox, users, organizations, sessions, faults]);
      if (key !== dataKey) {
        dataKey = key;
        renderData(outbox.messages, users, organizations, sessions, faults.faults);
      }

      updateCountdowns();
      setStatus('live', 'live');
    } catch (error) {
      if (error instanceof NeedToken) {
        askForToken(token ? 'That token was refused.' : null);
      } else if (error instanceof ApiError && error.errorType === 'project_not_found') {
        projectId = null; // removed meanwhile: the next poll picks another
      } else {
        setStatus('offline: ' + error.message, 'error');
      }
    } finally {
      running = false;
      if (!paused) timer = setTimeout(refresh, again ? 0 : POLL_MS);
      again = false;
    }
  }

  function setStatus(text, state) {
    const status = $('status');
    status.textContent = text;
    status.dataset.state = state;
  }

  function flash(message) {
    const box = $('flash');
    box.textContent = message;
    box.hidden = false;
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => { box.hidden = true; }, 6000);
  }

  /** A clock move (advance, reset) whose timer callbacks threw: the clock moved all the same, so say what failed. */
  function reportTimerErrors(answer) {
    const errors = (answer && answer.timer_errors) || [];
    if (errors.length === 0) return;
    const what = errors.length === 1 ? 'a timer callback' : errors.length + ' timer callbacks';
    flash(`The clock moved, but ${what} of the application threw: ` + errors.map((e) => `${e.type}: ${e.message}`).join('; '));
  }

  /** Runs a control's call, then shows the new state at once rather than at the next poll. */
  async function act(button, work) {
    if (button) button.disabled = true;
    try {
      await work();
    } catch (error) {
      if (error instanceof NeedToken) askForToken(token ? 'That token was refused.' : null);
      else flash(error.message);
    } finally {
      if (button) button.disabled = false;
      refresh();
    }
  }

  // ---- rendering -------------------------------------------------------------------------------

  function renderProjects(projects) {
    const ids = projects.map((p) => p.project_id);
    if (!ids.includes(projectId)) projectId = ids[0] || null;
    const select = $('project');
    const key = JSON.stringify(ids);
    if (key !== projectsKey) {
      projectsKey = key;
      select.replaceChildren(...ids.map((id) => el('option', { value: id }, id)));
    }

    if (projectId && select.value !== projectId) select.value = projectId;
  }

  function renderClock(clock) {
    $('clock-now').textContent = clock.now.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') + ' UTC';
    const offset = Math.round(clock.offset_seconds);
    $('clock-offset').textContent = offset === 0 ? 'no offset' : 'offset ' + (offset > 0 ? '+' : '−') + duration(Math.abs(offset));
  }

  // The users and organizations back doors answer their first page (100) with the total.
  function renderData(messages, usersPage, organizationsPage, sessions, faults) {
    const users = usersPage.users;
    const organizations = organizationsPage.organizations;
    const orgs = new Map(organizations.map((o) => [o.organization.organization_id, o.organization]));
    const members = new Map(organizations.flatMap((o) => o.members.map((m) => [m.member_id, m])));
    const userEmails = new Map(users.map((u) => [u.user_id, (u.emails[0] || {}).email || (u.phone_numbers[0] || {}).phone_number || u.user_id]));

    $('outbox-count').textContent = count(messages.length);
    $('outbox').replaceChildren(...(messages.length
      ? outboxCards(messages, orgs, members)
      : [empty('No messages yet. Codes sent through the Stytch API show up here.')]));

    $('faults-count').textContent = count(faults.length);
    $('faults').replaceChildren(...(faults.length ? faults.map(faultRow) : [el('li', { class: 'empty' }, 'No faults: every call behaves.')]));

    $('users-count').textContent = count(usersPage.total);
    $('users').replaceChildren(users.length ? usersTable(users, sessions.sessions) : empty('No users.'));

    $('organizations-count').textContent = count(organizationsPage.total);
    $('organizations').replaceChildren(...(organizations.length ? organizations.map(organizationBlock) : [empty('No organizations.')]));

    const live = sessions.sessions.length + sessions.member_sessions.length;
    $('sessions-count').textContent = count(live);
    $('sessions').replaceChildren(...(live
      ? [
        ...sessions.sessions.map((s) => sessionRow(userEmails.get(s.user_id) || s.user_id, 'user', s.session_id, s.expires_at)),
        ...sessions.member_sessions.map((s) => {
          const member = members.get(s.member_id);
          const org = orgs.get(s.organization_id);
          const who = member ? member.name || member.email_address : s.member_id;
          return sessionRow(who, org ? org.organization_name : s.organization_id, s.member_session_id, s.expires_at);
        }),
      ]
      : [el('li', { class: 'empty' }, 'No active sessions.')]));
  }

  const count = (n) => (n ? String(n) : '');

  function outboxCards(messages, orgs, members) {
    // Only the newest code for an address (per organization for B2B) works; older ones are superseded. A link stays
    // good until it is used or expires, whatever came after it.
    const seen = new Set();
    return messages.map((m) => {
      if (m.link) return messageCard(m, true, orgs, members);
      const key = (m.organization_id || '') + '\n' + recipient(m).toLowerCase();
      const current = !seen.has(key);
      seen.add(key);
      return messageCard(m, current, orgs, members);
    });
  }

  const recipient = (m) => m.email_address || m.phone_number || '';

  const templateOf = (m) => ({ login: m.login_template_id, signup: m.signup_template_id, invite: m.invite_template_id })[m.kind] || null;

  // The link opens in a new tab, so the app's own redirect page takes the token while the inbox stays open. Only
  // http(s) links become anchors; anything else is shown as text.
  function linkRow(m) {
    const safe = /^https?:\/\//i.test(m.link);
    const copy = el('button', { type: 'button', class: 'copy', title: 'Copy the link' }, 'Copy');
    copy.addEventListener('click', () => copyCode(m.link, copy));
    return el('div', { class: 'link-row' },
      safe
        ? el('a', { class: 'link', 'data-testid': 'link', href: m.link, target: '_blank', rel: 'noopener noreferrer', title: m.link }, m.link)
        : el('span', { class: 'link', 'data-testid': 'link' }, m.link),
      copy);
  }

  function codeRow(m) {
    const copy = el('button', { type: 'button', class: 'copy', title: 'Copy the code' }, 'Copy');
    copy.addEventListener('click', () => copyCode(m.code, copy));
    return el('div', { class: 'code-row' }, el('span', { class: 'code', 'data-testid': 'code' }, m.code), copy);
  }

  function messageCard(m, current, orgs, members) {
    const b2b = m.organization_id !== null && m.organization_id !== undefined;
    const org = b2b ? orgs.get(m.organization_id) : null;
    const member = b2b ? members.get(m.member_id) : null;
    const template = templateOf(m);

    const meta = [
      metaItem('sent', time(m.sent_at), m.sent_at),
      metaItem('expires', time(m.expires_at), m.expires_at),
      metaItem('locale', m.locale),
      m.channel && m.channel !== 'email' ? metaItem('channel', m.channel) : null,
      template ? metaItem('template', template) : null,
      b2b
        ? [
          metaItem('organization', org ? `${org.organization_name} (${org.organization_slug})` : m.organization_id, m.organization_id),
          metaItem('member', member ? (member.name ? `${member.name} · ${member.status}` : member.status) : m.member_id, m.member_id),
        ]
        : metaItem('user', m.user_id),
      metaItem('method', m.method_id),
    ];

    return el('article', { class: 'message' + (current ? '' : ' superseded'), 'data-testid': 'message', 'data-expires': m.expires_at },
      el('div', { class: 'message-head' },
        el('span', { class: 'email', 'data-testid': 'email' }, recipient(m)),
        el('span', { class: 'badge kind-' + oneOf(m.kind, ['login', 'signup'], 'other') }, m.kind),
        b2b ? el('span', { class: 'badge b2b' }, 'B2B') : null,
        current ? null : el('span', { class: 'badge muted', title: 'A newer code went to this address: only the newest one works.' }, 'superseded'),
        el('span', { class: 'countdown', 'data-testid': 'countdown', 'data-expires': m.expires_at })),
      m.link ? linkRow(m) : codeRow(m),
      el('div', { class: 'meta' }, meta));
  }

  function metaItem(label, value, title) {
    return el('span', { class: 'meta-item', title: title || null }, el('span', { class: 'meta-label' }, label), ' ', value);
  }

  async function copyCode(code, button) {
    try {
      await navigator.clipboard.writeText(code);
      button.textContent = 'Copied';
    } catch {
      const selection = window.getSelection();
      selection.selectAllChildren(button.previousElementSibling);
      button.textContent = 'Press Ctrl+C';
    }

    setTimeout(() => { button.textContent = 'Copy'; }, 1500);
  }

  function faultRow(f) {
    let what;
    if (f.action === 'error') what = f.error_type;
    else if (f.action === 'raw') what = `status ${f.status_code}`;
    else if (f.action === 'drop_connection') what = 'drop connection';
    else what = `delay ${f.latency_ms} ms`;
    if (f.action !== 'delay' && f.latency_ms > 0) what += ` after ${f.latency_ms} ms`;

    let when;
    if (f.times !== null && f.times !== undefined) when = f.times === 1 ? 'next call' : `next ${f.times} calls`;
    else if (f.probability !== null && f.probability !== undefined) when = `${Math.round(f.probability * 1000) / 10}% of calls`;
    else when = 'always';

    const remove = el('button', { type: 'button', class: 'icon', title: 'Remove this fault', 'aria-label': `Remove fault ${f.fault_id}` }, '×');
    remove.addEventListener('click', () => act(remove, () => api('DELETE', projectPath('faults/' + encodeURIComponent(f.fault_id)))));
    return el('li', { class: 'row', 'data-testid': 'fault' },
      el('span', { class: 'row-main' },
        el('span', { class: 'mono' }, f.endpoint === '*' ? 'any endpoint' : f.endpoint),
        ' → ',
        el('strong', {}, what)),
      el('span', { class: 'row-side' },
        el('span', { class: 'badge muted' }, when),
        f.email_address ? el('span', { class: 'badge muted' }, 'only ' + f.email_address) : null,
        remove));
  }

  function usersTable(users, sessions) {
    const live = new Map();
    for (const s of sessions) live.set(s.user_id, (live.get(s.user_id) || 0) + 1);
    const verified = (v) => v ? el('span', { class: 'verified', title: 'verified' }, ' ✓') : null;
    const contacts = (items, field, testid) => items.length
      ? items.map((c) => el('div', { 'data-testid': testid }, c[field], verified(c.verified)))
      : '—';
    const fullName = (n) => [n && n.first_name, n && n.middle_name, n && n.last_name].filter(Boolean).join(' ');
    return el('table', { class: 'table' },
      el('thead', {}, el('tr', {},
        el('th', {}, 'Name'), el('th', {}, 'Email'), el('th', {}, 'Phone'), el('th', {}, 'Status'),
        el('th', {}, 'Sessions'), el('th', {}, 'User id'))),
      el('tbody', {}, users.map((u) => el('tr', { 'data-testid': 'user' },
        el('td', { 'data-testid': 'user-name' }, fullName(u.name) || '—'),
        el('td', {}, contacts(u.emails, 'email', 'user-email')),
        el('td', {}, contacts(u.phone_numbers, 'phone_number', 'user-phone')),
        el('td', {}, el('span', { class: 'badge status-' + oneOf(u.status, ['active', 'pending'], 'other') }, u.status)),
        el('td', { class: 'num' }, String(live.get(u.user_id) || 0)),
        el('td', { class: 'mono small', title: u.user_id }, u.user_id,
          u.external_id ? el('div', { class: 'small', 'data-testid': 'user-external-id' }, 'external: ' + u.external_id) : null)))));
  }

  function organizationBlock({ organization: o, members }) {
    const jit = o.email_jit_provisioning === 'RESTRICTED'
      ? `email JIT: ${o.email_allowed_domains.join(', ') || 'no domains'}`
      : 'email JIT off';
    return el('div', { class: 'org', 'data-testid': 'organization' },
      el('div', { class: 'org-head' },
        el('strong', { class: 'org-name' }, o.organization_name),
        el('span', { class: 'mono small' }, o.organization_slug),
        el('span', { class: 'badge muted' }, jit)),
      members.length
        ? el('ul', { class: 'members' }, members.map((m) => el('li', { class: 'member', 'data-testid': 'member' },
          el('span', { class: 'member-name' }, m.name || '—'),
          el('span', { class: 'member-email' }, m.email_address),
          el('span', { class: 'badge status-' + oneOf(m.status, ['active', 'pending', 'invited', 'deleted'], 'other') }, m.status),
          m.is_admin ? el('span', { class: 'badge muted' }, 'admin') : null)))
        : empty('No members.'));
  }

  function sessionRow(who, where, id, expiresAt) {
    return el('li', { class: 'row', 'data-testid': 'session' },
      el('span', { class: 'row-main stack' },
        el('span', { class: 'line' }, el('span', { class: 'who' }, who), el('span', { class: 'badge muted' }, where)),
        el('span', { class: 'mono small', title: id }, id)),
      el('span', { class: 'row-side countdown', 'data-expires': expiresAt }));
  }

  // ---- time on the fake clock ------------------------------------------------------------------

  function updateCountdowns() {
    if (fakeNow === null) return;
    for (const node of document.querySelectorAll('.countdown[data-expires]')) {
      const left = Math.round((Date.parse(node.dataset.expires) - fakeNow) / 1000);
      node.textContent = left > 0 ? `expires in ${duration(left)}` : `expired ${duration(-left)} ago`;
      node.classList.toggle('expired', left <= 0);
      const card = node.closest('.message');
      if (card) card.classList.toggle('expired', left <= 0);
    }
  }

  function duration(seconds) {
    const d = Math.floor(seconds / 86400);
    const h = Math.floor((seconds % 86400) / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const two = (n) => String(n).padStart(2, '0');
    if (d > 0) return `${d} d ${h} h`;
    if (h > 0) return `${h}:${two(m)}:${two(s)}`;
    return `${m}:${two(s)}`;
  }

  const time = (iso) => (typeof iso === 'string' ? iso.slice(11, 19) : '');

  // ---- the admin token -------------------------------------------------------------------------

  function askForToken(error) {
    paused = true;
    clearTimeout(timer);
    setStatus('needs the admin token', 'error');
    $('token-overlay').hidden = false;
    const message = $('token-error');
    message.textContent = error || '';
    message.hidden = !error;
    $('token-input').focus();
  }

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    token = $('token-input').value;
    sessionStorage.setItem(TOKEN_KEY, token);
    $('token-input').value = '';
    $('token-overlay').hidden = true;
    paused = false;
    refresh();
  });

  // ---- controls --------------------------------------------------------------------------------

  $('project').addEventListener('change', (event) => {
    projectId = event.target.value;
    hash.set('project', projectId);
    location.hash = hash.toString();
    dataKey = '';
    refresh();
  });

  for (const button of document.querySelectorAll('#advance-form button[data-seconds]')) {
    button.addEventListener('click', () => act(button, async () =>
      reportTimerErrors(await api('POST', projectPath('clock/advance'), { seconds: Number(button.dataset.seconds) }))));
  }

  $('advance-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('advance-seconds');
    const seconds = Number(input.value);
    if (!input.value || !Number.isFinite(seconds) || seconds <= 0) {
      flash('Enter a number of seconds to advance the clock by.');
      return;
    }

    act(event.submitter, async () => {
      reportTimerErrors(await api('POST', projectPath('clock/advance'), { seconds }));
      input.value = '';
    });
  });

  $('clear-outbox').addEventListener('click', (event) => act(event.currentTarget, () => api('DELETE', projectPath('outbox'))));
  $('clear-faults').addEventListener('click', (event) => act(event.currentTarget, () => api('DELETE', projectPath('faults'))));
  $('reset-project').addEventListener('click', (event) => act(event.currentTarget, async () =>
    reportTimerErrors(await api('POST', projectPath('reset'), {}))));

  $('fault-endpoint').replaceChildren(
    el('option', { value: '*' }, 'any endpoint (*)'),
    ...ENDPOINTS.map((name) => el('option', { value: name }, name)));
  $('fault-error').replaceChildren(...CANNED_ERRORS.map(([value, label]) => el('option', { value }, label)));

  $('fault-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const rule = { endpoint: $('fault-endpoint').value, error_type: $('fault-error').value };
    if ($('fault-mode').value === 'next') rule.times = 1;
    act(event.submitter, () => api('POST', projectPath('faults'), rule));
  });

  refresh();
})();
