// Beacon's browser collector: ODK's XForms engine (@getodk/xforms-engine) answering a collection link's form in the
// page, finished answers queued in IndexedDB and sent to the link's OpenRosa submission URL when there is a network.
// The page (CollectorPage in campaign-service) gives the addresses and its translated strings as data-* attributes
// of the form element; this script stores nothing about the person answering or the device, only the engine's
// filled forms (with their instanceID) until Beacon has them.
import { createInstance } from '@getodk/xforms-engine';

const CACHE = 'beacon-collector';
const DATABASE = 'beacon-collector';
const WAITING = 'waiting';
const REFUSED = 'refused';
const RETRY_EVERY_MS = 30_000;

const formElement = document.getElementById('collector');
const config = formElement.dataset;
const text = (name) => config[`text${name[0].toUpperCase()}${name.slice(1)}`] ?? '';
const statusLine = document.getElementById('collector-status');
const networkLine = document.getElementById('collector-network');
const waitingCount = document.getElementById('collector-waiting');
const sendButton = document.getElementById('collector-send');
const refusedBox = document.getElementById('collector-refused');
const refusedList = document.getElementById('collector-refused-list');
const questionsBox = document.getElementById('collector-questions');

// ---- the queue (IndexedDB): one record per filled form, keyed by its instanceID ----

function openDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(WAITING, { keyPath: 'instanceID' });
      request.result.createObjectStore(REFUSED, { keyPath: 'instanceID' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const database = openDatabase();

async function transaction(stores, mode, work) {
  const db = await database;
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    let result;
    Promise.resolve(work(tx)).then((value) => { result = value; }, reject);
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

const requested = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/** Records of this link only: one device may hold several links (teams, waves), each sending to its own URL. */
async function records(store) {
  const all = await transaction([store], 'readonly', (tx) => requested(tx.objectStore(store).getAll()));
  return all.filter((record) => record.submission === config.submission);
}

function enqueue(record) {
  return transaction([WAITING], 'readwrite', (tx) => requested(tx.objectStore(WAITING).put(record)));
}

function forget(instanceID) {
  return transaction([WAITING], 'readwrite', (tx) => requested(tx.objectStore(WAITING).delete(instanceID)));
}

/** A refused form leaves the queue for the refused list in one transaction: it is never in both, nor in neither. */
function setAside(record, message) {
  return transaction([WAITING, REFUSED], 'readwrite', (tx) => {
    tx.objectStore(REFUSED).put({ ...record, message });
    return requested(tx.objectStore(WAITING).delete(record.instanceID));
  });
}

// ---- sending ----

let sending = false;

/** The message of an OpenRosaResponse, which Beacon writes for the user to read. */
function openRosaMessage(body, status) {
  const message = new DOMParser().parseFromString(body, 'text/xml').getElementsByTagName('message')[0];
  return message?.textContent?.trim() || `HTTP ${status}`;
}

/**
 * Sends every waiting form of this link, one at a time. 201 (stored) and 202 (stored before) both mean Beacon has
 * it; any other 4xx but 408 and 429 is a refusal that sending again cannot change, so the form is set aside with
 * Beacon's message; anything else (no network, 429, 5xx) leaves it waiting for the next try.
 */
async function sendWaiting() {
  if (sending) {
    return;
  }
  sending = true;
  try {
    for (const record of await records(WAITING)) {
      networkLine.textContent = text('sending');
      const body = new FormData();
      body.append('xml_submission_file', new Blob([record.xml], { type: 'text/xml' }), 'submission.xml');
      let response;
      try {
        response = await fetch(config.submission, {
          method: 'POST',
          body,
          headers: { 'X-OpenRosa-Version': '1.0', 'Accept-Language': record.language },
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (offline) {
        break;
      }
      if (response.status === 201 || response.status === 202) {
        await forget(record.instanceID);
      } else if (response.status >= 400 && response.status < 500 && response.status !== 408
          && response.status !== 429) {
        await setAside(record, openRosaMessage(await response.text(), response.status));
      } else {
        break;
      }
      await showQueue();
    }
  } finally {
    sending = false;
    await showQueue();
  }
}

async function showQueue() {
  const waiting = await records(WAITING);
  waitingCount.textContent = String(waiting.length);
  sendButton.hidden = waiting.length === 0;
  networkLine.textContent = navigator.onLine ? text('online') : text('offline');
  const refused = await records(REFUSED);
  refusedBox.hidden = refused.length === 0;
  refusedList.replaceChildren(...refused.map((record) => {
    const item = document.createElement('li');
    item.textContent = `${record.instanceID}: ${record.message}`;
    return item;
  }));
}

// ---- the form, as ODK's engine runs it ----

function* nodes(node) {
  yield node;
  for (const child of node.currentState.children ?? []) {
    yield* nodes(child);
  }
}

/** The input type that fits a value type of the XForm. */
const INPUT_TYPES = { int: 'number', decimal: 'number', date: 'date', time: 'time', dateTime: 'datetime-local' };

/**
 * A browser's time or date-time field gives hours and minutes (14:30, 2026-12-05T14:30); the engine reads a time
 * only with its seconds (14:30:00), as ODK Collect writes it.
 */
function withSeconds(valueType, typed) {
  const minutesOnly = valueType === 'time' ? /^\d{2}:\d{2}$/ : valueType === 'dateTime' ? /T\d{2}:\d{2}$/ : null;
  return minutesOnly?.test(typed) ? `${typed}:00` : typed;
}

function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    made.setAttribute(name, value);
  }
  made.append(...children);
  return made;
}

/** One question: its wrapper, label, hint, error line and the controls that answer it. */
function questionView(node, index) {
  const id = `q${index}`;
  const wrapper = element('div', { class: 'field', 'data-reference': node.currentState.reference });
  const labelText = element('span');
  const label = node.nodeType === 'select' ? element('legend', {}, labelText) : element('label', { for: id }, labelText);
  const hint = element('p', { class: 'muted' });
  const error = element('p', { class: 'error', role: 'alert', hidden: '' });
  const container = node.nodeType === 'select' ? element('fieldset') : wrapper;
  if (container !== wrapper) {
    wrapper.append(container);
  }
  container.append(label, hint);
  if (node.nodeType === 'select') {
    const multiple = node.selectType === 'select';
    const options = element('div', { class: 'choices' });
    let shownOptions = null;
    // Rebuilt only when the choices themselves change (a choice filter), so a tap does not lose its place.
    const refreshOptions = () => {
      const current = node.currentState.valueOptions.map((option) => option.value).join(' ');
      if (current === shownOptions) {
        return;
      }
      shownOptions = current;
      options.replaceChildren(...node.currentState.valueOptions.map((option, n) => {
        const box = element('input', { type: multiple ? 'checkbox' : 'radio', name: id, value: option.value,
          id: `${id}-${n}` });
        box.checked = node.isSelected(option.value);
        box.addEventListener('change', () => {
          const chosen = [...options.querySelectorAll('input:checked')].map((input) => input.value);
          node.selectValues(chosen);
          refresh();
        });
        return element('label', { for: `${id}-${n}` }, box, ' ', option.label?.asString ?? option.value);
      }));
    };
    container.append(options, error);
    return { node, wrapper, label, labelText, hint, error, refreshOptions };
  }
  if (node.nodeType === 'input' || node.nodeType === 'range') {
    const input = element('input', { id, type: INPUT_TYPES[node.valueType] ?? 'text' });
    if (node.valueType === 'decimal') {
      input.setAttribute('step', 'any');
    }
    if (node.valueType === 'int') {
      input.setAttribute('step', '1');
    }
    input.addEventListener('change', () => {
      const typed = input.value.trim();
      try {
        // The engine reads numbers and dates from their text; an empty number or date is no answer.
        node.setValue(typed === '' && node.valueType !== 'string' ? null : withSeconds(node.valueType, typed));
      } catch (notAValue) {
        node.setValue(null);
      }
      refresh();
    });
    container.append(input);
  } else if (node.nodeType === 'trigger') {
    const box = element('input', { id, type: 'checkbox' });
    box.addEventListener('change', () => {
      node.setValue(box.checked);
      refresh();
    });
    label.prepend(box, ' ');
  } else if (node.nodeType !== 'note') {
    container.append(element('p', { class: 'muted' }, text('unsupported')));
  }
  container.append(error);
  return { node, wrapper, label, labelText, hint, error };
}

let root;
let views = [];
let groups = [];
let submitted = false;

function refresh() {
  for (const view of views) {
    const { node } = view;
    view.wrapper.hidden = !node.currentState.relevant;
    view.labelText.textContent = `${node.currentState.label?.asString ?? ''}${node.currentState.required ? ' *' : ''}`;
    view.refreshOptions?.();
    view.hint.textContent = node.currentState.hint?.asString ?? '';
    view.hint.hidden = !view.hint.textContent;
    const violation = node.validationState?.violation;
    // A missing answer is only flagged once the user tried to finish; a broken rule as soon as it is broken.
    const shown = violation && (violation.condition !== 'required' || submitted) && node.currentState.relevant;
    view.error.hidden = !shown;
    view.error.textContent = shown ? (violation.message?.asString || text('required')) : '';
  }
  for (const group of groups) {
    group.element.hidden = !group.node.currentState.relevant;
    group.legend.textContent = group.node.currentState.label?.asString ?? '';
    group.legend.hidden = !group.legend.textContent;
  }
}

function render() {
  views = [];
  groups = [];
  const build = (node, into) => {
    for (const child of node.currentState.children ?? []) {
      if (child.nodeType === 'group') {
        const legend = element('legend');
        const fieldset = element('fieldset', { class: 'group' }, legend);
        groups.push({ node: child, element: fieldset, legend });
        into.append(fieldset);
        build(child, fieldset);
      } else if (child.nodeType !== 'model-value' && child.nodeType !== 'attribute') {
        const view = questionView(child, views.length);
        views.push(view);
        into.append(view.wrapper);
      }
    }
  };
  const top = element('div');
  build(root, top);
  questionsBox.replaceChildren(top);
  refresh();
}

let xform;

/** A new blank form in the page's language (the form's own default when it has no such translation). */
async function newForm() {
  const instance = await createInstance(xform);
  root = instance.root;
  const language = root.languages.find((candidate) => !candidate.isSyntheticDefault
    && (candidate.locale?.language === config.language || candidate.language.endsWith(`(${config.language})`)));
  if (language) {
    root.setLanguage(language);
  }
  submitted = false;
  render();
}

async function finish(event) {
  event.preventDefault();
  submitted = true;
  refresh();
  if (root.validationState.violations.length > 0) {
    statusLine.textContent = text('fix');
    views.find((view) => !view.error.hidden)?.wrapper.scrollIntoView({ block: 'center' });
    return;
  }
  const payload = await root.prepareInstancePayload({ payloadType: 'monolithic' });
  if (payload.status !== 'ready') {
    statusLine.textContent = text('fix');
    return;
  }
  const xml = await payload.data[0].get('xml_submission_file').text();
  const instanceID = new DOMParser().parseFromString(xml, 'text/xml')
    .getElementsByTagName('instanceID')[0]?.textContent;
  await enqueue({ instanceID, xml, submission: config.submission, language: config.language });
  await newForm();
  await showQueue();
  statusLine.textContent = text('saved');
  window.scrollTo(0, 0);
  sendWaiting();
}

// ---- offline: the service worker serves what the page needs when there is no network ----

async function keepForOffline() {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  await navigator.serviceWorker.register(config.worker, { scope: config.scope });
  // The page keeps its own copies too, so the first visit (not yet under the worker's control) is enough.
  const cache = await caches.open(CACHE);
  const stylesheet = document.querySelector('link[rel=stylesheet]')?.getAttribute('href');
  await cache.addAll([config.page, config.bundle, config.form, stylesheet].filter(Boolean));
  // Earlier builds of the bundle are no longer linked from the page: drop them.
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith(`${config.page}/collector-`) && path !== config.bundle) {
      await cache.delete(request);
    }
  }
}

async function start() {
  sendButton.addEventListener('click', () => sendWaiting());
  window.addEventListener('online', () => sendWaiting());
  window.addEventListener('offline', () => showQueue());
  setInterval(() => sendWaiting(), RETRY_EVERY_MS);
  await showQueue();
  // Asked once: the browser may then keep the queue even when it runs short of space.
  if (navigator.storage?.persist && !(await navigator.storage.persisted())) {
    const kept = await navigator.storage.persist();
    if (!kept) {
      statusLine.dataset.storage = 'not-kept';
    }
  }
  keepForOffline().catch(() => {
    // Offline or refused by the browser: the page still works while it stays open.
  });
  const response = await fetch(config.form, { headers: { 'X-OpenRosa-Version': '1.0' }, credentials: 'omit' });
  if (!response.ok) {
    throw new Error(`${response.status} ${openRosaMessage(await response.text(), response.status)}`);
  }
  xform = await response.text();
  await newForm();
  formElement.addEventListener('submit', (event) => finish(event).catch(failed));
  formElement.hidden = false;
  statusLine.textContent = statusLine.dataset.storage === 'not-kept' ? text('storage') : '';
  sendWaiting();
}

function failed(error) {
  statusLine.textContent = `${text('error')} ${error?.message ?? error}`;
  statusLine.classList.add('error');
}

start().catch(failed);
