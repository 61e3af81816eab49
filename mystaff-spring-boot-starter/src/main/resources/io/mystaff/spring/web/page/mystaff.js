// The My Staff page: plain JavaScript module over mystaff's REST API. No build step.
const API = document.querySelector('meta[name="mystaff-api"]').content;
const $ = (id) => document.getElementById(id);
const PHONE_TYPES = [
  ['mobile', 'Mobile phone'],
  ['alternateMobile', 'Alternate mobile phone'],
  ['office', 'Office phone'],
];
const PAGE_SIZE = 10;

const state = {
  csrf: null,
  locations: [],
  location: null, // { unit: id or null, name }
  query: '',
  everywhere: false,
  cursors: [], // cursors of the pages before the current one
  cursor: null,
  next: null,
  user: null,
  stream: null,
};

class Problem extends Error {
  constructor(status, body) {
    super(body.detail || 'The request failed (' + status + ').');
    this.status = status;
    this.body = body;
  }
}

// Every call sends X-Requested-With: the API refuses a GET that runs in the manager's session
// without it, which a page of another site cannot send.
async function call(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers[state.csrf.headerName] = state.csrf.token;
  const response = await fetch(API + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const text = await response.text();
  let data = {};
  if (text && (response.headers.get('Content-Type') || '').includes('json')) data = JSON.parse(text);
  if (!response.ok) throw new Problem(response.status, data);
  return { status: response.status, data, headers: response.headers };
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function say(message) {
  $('status').textContent = message;
}

function showAlert(message, reload) {
  const alert = $('alert');
  alert.textContent = message;
  if (reload) alert.append(' ', el('a', { id: 'sign-in-again', href: window.location.pathname }, reload));
  alert.hidden = false;
}

// An error as the manager should read it; a lost session or CSRF token offers a way back.
function fail(error) {
  if (error instanceof Problem && error.status === 401) {
    showAlert('You are signed out.', 'Sign in again');
  } else if (error instanceof Problem && error.status === 403 && !error.body.code) {
    showAlert('Your session has changed since this page was opened.', 'Reload the page');
  } else {
    showAlert(refusal(error));
  }
}

function clearAlert() {
  $('alert').hidden = true;
  $('alert').textContent = '';
}

function refusal(problem) {
  if (!(problem instanceof Problem)) return 'Something went wrong. Try again.';
  const b = problem.body;
  if (b.reason) return b.detail + ' (' + b.reason + ')';
  return b.detail || problem.message;
}

// Passwords leave the page as soon as the manager leaves the profile: a temporary password is shown
// once, and a hidden field would still hold it.
function forgetPasswords() {
  $('temporary-password').value = '';
  $('temporary-password-result').hidden = true;
  $('copy-password').textContent = 'Copy';
  $('new-password').value = '';
}

function show(view) {
  if (view !== 'profile-view') forgetPasswords();
  for (const id of ['no-locations-view', 'locations-view', 'members-view', 'profile-view']) {
    $(id).hidden = id !== view;
  }
  const heading = $(view).querySelector('h2');
  if (heading) heading.focus();
}

// ---- Sign-in state and locations ----

async function start() {
  try {
    const me = (await call('GET', '/me')).data;
    state.csrf = me.csrf || null;
    $('manager').textContent = 'Signed in as ' + me.manager.displayName;
    state.locations = me.locations;
    $('activity').hidden = false;
    refreshActivity();
    if (me.locations.length === 0) {
      $('no-locations-reason').textContent = me.whyNoLocations ? me.whyNoLocations.message : 'You have no locations.';
      show('no-locations-view');
    } else if (me.locations.length === 1) {
      openLocation(me.locations[0], false);
    } else {
      listLocations();
    }
  } catch (e) {
    fail(e);
  }
}

function locationOf(l) {
  return { unit: l.type === 'unit' ? l.unit.id : null, name: l.displayName };
}

function listLocations() {
  const list = $('locations');
  list.replaceChildren();
  for (const l of state.locations) {
    const sub = l.type === 'unit' ? (l.unit.description || 'Administrative unit') : 'Everyone in the organization';
    list.append(el('li', {}, el('button', { type: 'button', 'data-location': l.type === 'unit' ? l.unit.id : '', onclick: () => openLocation(l, true) },
      el('span', { class: 'name' }, l.displayName), el('span', { class: 'sub' }, sub))));
  }
  show('locations-view');
}

function openLocation(l, canGoBack) {
  clearAlert();
  state.location = locationOf(l);
  state.query = '';
  state.everywhere = false;
  $('search').value = '';
  $('search-everywhere').checked = false;
  $('to-locations').hidden = !canGoBack && state.locations.length <= 1;
  $('members-heading').textContent = state.location.name;
  loadMembers([], null).then(() => show('members-view'));
}

// ---- Members: paging and search ----

async function loadMembers(cursors, cursor) {
  const params = new URLSearchParams({ size: String(PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  let path;
  if (state.everywhere && state.query) {
    params.set('q', state.query);
    path = '/search/users?' + params;
  } else {
    if (state.location.unit) params.set('unit', state.location.unit);
    if (state.query) params.set('q', state.query);
    path = '/members?' + params;
  }
  try {
    const page = (await call('GET', path)).data;
    state.cursors = cursors;
    state.cursor = cursor;
    state.next = page.nextCursor || null;
    renderMembers(page.items);
    clearAlert();
  } catch (e) {
    fail(e);
  }
}

function renderMembers(items) {
  const list = $('members');
  list.replaceChildren();
  for (const m of items) {
    const name = el('span', { class: 'name' }, m.user.displayName);
    if (!m.canManage) name.append(' ', el('span', { class: 'badge' }, 'view only'));
    if (!m.user.accountEnabled) name.append(' ', el('span', { class: 'badge' }, 'disabled'));
    list.append(el('li', {}, el('button', { type: 'button', 'data-user': m.user.id, onclick: () => openProfile(m.user.id) },
      name, el('span', { class: 'sub' }, m.user.userPrincipalName))));
  }
  $('members-empty').hidden = items.length > 0;
  $('previous-page').disabled = state.cursors.length === 0;
  $('next-page').disabled = !state.next;
  const pageNumber = state.cursors.length + 1;
  say(items.length + (items.length === 1 ? ' person' : ' people') + ' shown, page ' + pageNumber + '.');
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state.query = $('search').value.trim();
  state.everywhere = $('search-everywhere').checked;
  loadMembers([], null);
});
$('next-page').addEventListener('click', () => {
  if (state.next) loadMembers([...state.cursors, state.cursor], state.next);
});
$('previous-page').addEventListener('click', () => {
  if (state.cursors.length === 0) return;
  const cursors = state.cursors.slice(0, -1);
  loadMembers(cursors, state.cursors[state.cursors.length - 1]);
});
$('to-locations').addEventListener('click', () => {
  clearAlert();
  listLocations();
});
$('to-members').addEventListener('click', () => {
  clearAlert();
  closeStream();
  show('members-view');
});

// ---- Profile and actions ----

async function openProfile(id) {
  clearAlert();
  closeStream();
  try {
    const profile = (await call('GET', '/users/' + encodeURIComponent(id))).data;
    state.user = profile;
    renderProfile(profile);
    say('');
    show('profile-view');
  } catch (e) {
    fail(e);
  }
  refreshActivity();
}

function renderProfile(p) {
  const u = p.user;
  $('profile-name').textContent = u.displayName;
  const details = $('profile-details');
  details.replaceChildren();
  const add = (term, value) => details.append(el('dt', {}, term), el('dd', {}, value));
  add('User name', u.userPrincipalName);
  if (u.attributes.jobTitle) add('Job title', u.attributes.jobTitle);
  add('Account', u.source === 'SYNCED_FROM_ON_PREMISES' ? 'Synced from on-premises' : 'Cloud only');
  if (!u.accountEnabled) add('Status', 'Disabled');
  add('Locations', p.units.map((x) => x.displayName).join(', ') || 'None');

  const canReset = p.allowedActions.includes('RESET_PASSWORD');
  const canPhones = p.allowedActions.includes('MANAGE_PHONES');
  const canRevoke = p.allowedActions.includes('REVOKE_SESSIONS');
  const canUnlock = p.allowedActions.includes('UNLOCK_ACCOUNT');
  $('view-only').hidden = canReset || canPhones || canRevoke || canUnlock;
  $('account-panel').hidden = !canRevoke && !canUnlock;
  $('revoke-sessions-action').hidden = !canRevoke;
  $('unlock-account-action').hidden = !canUnlock;
  $('password-panel').hidden = !canReset;
  forgetPasswords();
  $('writeback').hidden = true;
  const synced = u.source === 'SYNCED_FROM_ON_PREMISES';
  $('cloud-reset').hidden = synced;
  $('synced-reset').hidden = !synced;
  fieldError('new-password', 'password-error', null);
  if (canReset && synced) loadRules();
  $('phones-panel').hidden = !canPhones;
  if (canPhones) renderPhones(p);
}

async function loadRules() {
  try {
    const rules = (await call('GET', '/password-policy')).data;
    $('password-rule-list').replaceChildren(...rules.rules.map((r) => el('li', {}, r)));
  } catch (e) {
    fail(e);
  }
}

function fieldError(inputId, errorId, message) {
  const input = $(inputId);
  const error = $(errorId);
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    error.textContent = message;
    error.hidden = false;
  } else {
    input.removeAttribute('aria-invalid');
    error.textContent = '';
    error.hidden = true;
  }
}

$('reset-password').addEventListener('click', async () => {
  clearAlert();
  const button = $('reset-password');
  button.disabled = true;
  try {
    const r = await call('POST', '/users/' + encodeURIComponent(state.user.user.id) + '/password-resets', {});
    $('temporary-password').value = r.data.temporaryPassword;
    $('temporary-password-result').hidden = false;
    $('copy-password').textContent = 'Copy';
    say('Password reset. The temporary password is shown once.');
    $('temporary-password').focus();
    $('temporary-password').select();
  } catch (e) {
    fail(e);
  } finally {
    button.disabled = false;
    refreshActivity();
  }
});

$('copy-password').addEventListener('click', async () => {
  const field = $('temporary-password');
  try {
    await navigator.clipboard.writeText(field.value);
  } catch (e) {
    field.select();
    document.execCommand('copy');
  }
  $('copy-password').textContent = 'Copied';
  say('Temporary password copied.');
});

$('synced-reset').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearAlert();
  fieldError('new-password', 'password-error', null);
  const password = $('new-password').value;
  if (!password) {
    fieldError('new-password', 'password-error', 'Enter a new password.');
    $('new-password').focus();
    return;
  }
  $('set-password').disabled = true;
  try {
    const r = await call('POST', '/users/' + encodeURIComponent(state.user.user.id) + '/password-resets', { password });
    $('new-password').value = '';
    if (r.status === 202) {
      follow(r.data.correlationId, r.data.writeback);
    } else {
      say('Password set.');
    }
  } catch (e) {
    if (e instanceof Problem && e.body.errors) {
      fieldError('new-password', 'password-error', e.body.errors.map((x) => 'The password ' + x.detail + '.').join(' '));
      $('new-password').focus();
    } else if (e instanceof Problem && e.body.violations) {
      fieldError('new-password', 'password-error', e.body.detail || 'The password does not meet the rules.');
      $('new-password').focus();
    } else {
      fail(e);
    }
  } finally {
    $('set-password').disabled = false;
    refreshActivity();
  }
});

const STATUS_TEXT = {
  SUBMITTED: 'Sent to the on-premises directory',
  IN_PROGRESS: 'Being written back',
  SUCCEEDED: 'Written back',
  FAILED: 'Failed',
};

function follow(correlationId, first) {
  $('writeback').hidden = false;
  $('writeback-outcome').textContent = '';
  $('writeback-outcome').className = '';
  renderWriteback(first);
  $('writeback-heading').focus();
  closeStream();
  const url = API + '/password-resets/' + encodeURIComponent(correlationId);
  if (window.EventSource) {
    const stream = new EventSource(url + '/events', { withCredentials: true });
    state.stream = stream;
    stream.addEventListener('status', (event) => {
      const handle = JSON.parse(event.data);
      renderWriteback(handle);
      if (handle.status === 'SUCCEEDED' || handle.status === 'FAILED') closeStream();
    });
    stream.onerror = () => {
      closeStream();
      poll(url);
    };
  } else {
    poll(url);
  }
}

async function poll(url) {
  for (;;) {
    const r = await fetch(url, { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin', cache: 'no-store' });
    if (!r.ok) return;
    const handle = await r.json();
    const final = handle.status === 'SUCCEEDED' || handle.status === 'FAILED';
    if (!final || handle.result) renderWriteback(handle);
    if (final && handle.result) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function closeStream() {
  if (state.stream) {
    state.stream.close();
    state.stream = null;
  }
}

function renderWriteback(handle) {
  $('writeback-progress').replaceChildren(...handle.progress.map((s) => el('li', { 'data-status': s }, STATUS_TEXT[s] || s)));
  const outcome = $('writeback-outcome');
  if (handle.status === 'SUCCEEDED') {
    outcome.textContent = 'The new password is in place. The user must change it when they next sign in.';
    outcome.className = 'outcome-ok';
    refreshActivity();
  } else if (handle.status === 'FAILED') {
    const message = handle.result && handle.result.message ? handle.result.message : 'The writeback failed.';
    outcome.textContent = 'Failed: ' + message + (handle.result && handle.result.failure ? ' (' + handle.result.failure + ')' : '');
    outcome.className = 'outcome-failed';
    refreshActivity();
  } else {
    outcome.textContent = STATUS_TEXT[handle.status] + '…';
  }
}

// ---- Phones ----

function renderPhones(p) {
  const box = $('phones');
  box.replaceChildren();
  for (const [type, label] of PHONE_TYPES) {
    const current = p.phones[type];
    const inputId = 'phone-' + type;
    const errorId = inputId + '-error';
    const input = el('input', { id: inputId, name: type, type: 'tel', autocomplete: 'off', maxlength: '64', 'aria-describedby': errorId });
    input.value = current && current.number ? current.number : '';
    const error = el('p', { id: errorId, class: 'field-error' });
    error.hidden = true;
    const save = el('button', { type: 'submit', id: inputId + '-save', class: 'primary' }, current ? 'Save' : 'Add');
    const actions = el('div', { class: 'actions' }, save);
    if (current) {
      actions.append(el('button', { type: 'button', id: inputId + '-remove', class: 'danger', onclick: () => removePhone(type, label) }, 'Remove'));
    }
    const form = el('form', { class: 'phone', novalidate: '', 'aria-label': label },
      el('label', { for: inputId }, label), input, error, actions);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      savePhone(type, label);
    });
    box.append(form);
  }
}

function phoneErrors(type, problem) {
  if (!(problem instanceof Problem) || !problem.body.errors) return false;
  const messages = problem.body.errors
    .filter((x) => x.field === type || x.field === 'number')
    .map((x) => 'The number ' + x.detail + '.');
  if (messages.length === 0) return false;
  fieldError('phone-' + type, 'phone-' + type + '-error', messages.join(' '));
  $('phone-' + type).focus();
  return true;
}

async function savePhone(type, label) {
  clearAlert();
  fieldError('phone-' + type, 'phone-' + type + '-error', null);
  const number = $('phone-' + type).value;
  try {
    await call('PUT', '/users/' + encodeURIComponent(state.user.user.id) + '/phones/' + type, { number });
    await reloadProfile();
    say(label + ' saved.');
    $('phone-' + type).focus();
  } catch (e) {
    if (!phoneErrors(type, e)) fail(e);
  }
  refreshActivity();
}

async function removePhone(type, label) {
  clearAlert();
  try {
    await call('DELETE', '/users/' + encodeURIComponent(state.user.user.id) + '/phones/' + type);
    await reloadProfile();
    say(label + ' removed.');
    $('phone-' + type).focus();
  } catch (e) {
    if (!phoneErrors(type, e)) fail(e);
  }
  refreshActivity();
}

async function reloadProfile() {
  const profile = (await call('GET', '/users/' + encodeURIComponent(state.user.user.id))).data;
  state.user = profile;
  if (profile.allowedActions.includes('MANAGE_PHONES')) renderPhones(profile);
}

// ---- Sign-in: sign out everywhere, unlock ----

// Asks first, then calls the action; the outcome goes to the status line, a refusal to the alert.
async function accountAction(buttonId, question, path, done) {
  const name = state.user.user.displayName;
  if (!window.confirm(question.replace('{name}', name))) return;
  clearAlert();
  const button = $(buttonId);
  button.disabled = true;
  try {
    const r = await call('POST', '/users/' + encodeURIComponent(state.user.user.id) + path);
    say(done(name, r.data));
  } catch (e) {
    fail(e);
  } finally {
    button.disabled = false;
    button.focus();
    refreshActivity();
  }
}

$('revoke-sessions').addEventListener('click', () => accountAction(
  'revoke-sessions',
  'Sign {name} out everywhere? They must sign in again on every app and device.',
  '/sessions/revoke',
  (name, r) => name + ' is signed out everywhere. Sessions from before '
    + new Date(r.validFrom).toLocaleTimeString() + ' no longer work.'));

$('unlock-account').addEventListener('click', () => accountAction(
  'unlock-account',
  'Unlock the account of {name}?',
  '/account/unlock',
  (name) => 'The account of ' + name + ' is unlocked. They can sign in with their current password.'));

// ---- The manager's own recent actions ----

async function refreshActivity() {
  try {
    const events = (await call('GET', '/audit-events')).data.items;
    $('activity-list').replaceChildren(...events.slice(0, 10).map((e) => {
      const target = e.targetResources && e.targetResources[0];
      const who = target ? (target.displayName || target.userPrincipalName || target.id) : '';
      const text = e.activityDisplayName + (who ? ': ' + who : '') + ' (' + e.result + (e.resultReason ? ', ' + e.resultReason : '') + ')';
      return el('li', { 'data-correlation': e.correlationId }, el('time', { datetime: e.activityDateTime }, new Date(e.activityDateTime).toLocaleTimeString()), ' ', text);
    }));
  } catch (e) {
    // The list is a convenience; the actions themselves report their own errors.
  }
}

// Leaving the page (another page, a reload, closing it): nothing the back-forward cache or the history
// could show again. The page is also served with Cache-Control: no-store.
window.addEventListener('pagehide', () => {
  closeStream();
  forgetPasswords();
});

start();
