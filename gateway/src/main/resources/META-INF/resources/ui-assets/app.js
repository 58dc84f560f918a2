// The tablet UI's behaviour beyond htmx: barcode scans, feedback, limits flagged as typed, drafts that survive a
// session ending, the offline banner, idle logout. No framework: plain DOM, loaded as a module.

const body = document.body;
const user = body.dataset.user || '';
const idleSeconds = Number(body.dataset.idleSeconds || 0);

htmx.config.timeout = 15000;
htmx.config.defaultSwapStyle = 'innerHTML';
htmx.config.historyCacheSize = 0;
// a refusal (4xx) is an answer to show, not an error: swap it into the form like any other answer
htmx.config.responseHandling = [
  { code: '204', swap: false },
  { code: '401', swap: false, error: true },
  { code: '403', swap: true },
  { code: '[23]..', swap: true },
  { code: '4..', swap: true },
  { code: '5..', swap: true, error: true },
];

// ---- feedback: a tone a glove-wearer hears over the dry room's fans, and a flash they see -----------------------
let audio;
function tone(ok) {
  try {
    audio = audio || new AudioContext();
    const notes = ok ? [[1320, 0, 0.09]] : [[330, 0, 0.16], [330, 0.22, 0.16]];
    for (const [freq, start, length] of notes) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      osc.type = 'square';
      gain.gain.value = 0.15;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + start);
      osc.stop(audio.currentTime + start + length);
    }
  } catch (e) { /* no sound device: the flash still shows */ }
}
function flash(el, ok) {
  if (!el) return;
  el.classList.remove('scan-ok', 'scan-refused');
  void el.offsetWidth; // restart the animation
  el.classList.add(ok ? 'scan-ok' : 'scan-refused');
}

// ---- barcode scanner: a keyboard that types fast and ends with Enter -----------------------------------------------
// Keys typed with no field focused go to the page's scan field, so a scan works without a click first.
function scanField() {
  return document.querySelector('[data-scan-target]');
}
document.addEventListener('keydown', (e) => {
  const t = e.target;
  const typing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
  if (typing || e.ctrlKey || e.altKey || e.metaKey) return;
  const field = scanField();
  if (!field) return;
  if (e.key.length === 1 || e.key === 'Enter') {
    field.focus();
    if (e.key.length === 1) {
      field.value += e.key;
      e.preventDefault();
    }
  }
});
// A scan that lands in a number or reason field (the operator's finger left the focus there) is a scan all the
// same: a burst of keys far faster than a glove types, ending with Enter, goes to the scan field instead.
let burst = null;
document.addEventListener('keydown', (e) => {
  const t = e.target;
  if (!(t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && t.type === 'number'))) {
    burst = null;
    return;
  }
  const now = performance.now();
  if (e.key.length === 1) {
    if (!burst || burst.el !== t || now - burst.last > 40) burst = { el: t, before: t.value, chars: '' };
    burst.chars += e.key;
    burst.last = now;
  } else if (e.key === 'Enter' && burst && burst.el === t && burst.chars.length >= 4 && now - burst.last < 80) {
    const field = scanField();
    if (field && field.form) {
      e.preventDefault();
      t.value = burst.before;
      t.dispatchEvent(new Event('input', { bubbles: true }));
      field.value = burst.chars;
      field.form.requestSubmit();
    }
    burst = null;
  }
}, true);
document.addEventListener('submit', (e) => {
  const field = e.target.querySelector('[data-scan-target]');
  if (field) field.value = field.value.trim();
  // a form that only opens what was scanned (a lot): go there, nothing is sent
  const go = e.target.dataset.go;
  if (go && field) {
    e.preventDefault();
    if (field.value) location.href = go + encodeURIComponent(field.value);
  }
}, true);
// a scan field is emptied for the next scan once its answer is in
document.addEventListener('htmx:afterRequest', (e) => {
  if (e.detail.elt.matches && e.detail.elt.matches('form[data-clear-after]')) {
    const field = e.detail.elt.querySelector('[data-scan-target]');
    if (field) field.value = '';
  }
});

// ---- out of limits, flagged as typed; a reason required once anything is out or scrapped -----------------------------
function checkLimits(form) {
  let out = false;
  form.querySelectorAll('input[data-lower], input[data-upper]').forEach((input) => {
    const v = input.value === '' ? NaN : Number(input.value.replace(',', '.'));
    const lo = input.dataset.lower === undefined || input.dataset.lower === '' ? -Infinity : Number(input.dataset.lower);
    const hi = input.dataset.upper === undefined || input.dataset.upper === '' ? Infinity : Number(input.dataset.upper);
    const bad = !Number.isNaN(v) && (v < lo || v > hi);
    input.classList.toggle('out', bad);
    input.setAttribute('aria-invalid', bad ? 'true' : 'false');
    const flag = form.querySelector(`[data-flag-for="${input.name}"]`);
    if (flag) flag.hidden = !bad;
    out = out || bad;
  });
  const reason = form.querySelector('[data-out-of-limit-reason]');
  if (reason) {
    reason.hidden = !out;
    const field = reason.querySelector('textarea, input');
    if (field) field.required = out;
  }
  const scrap = form.querySelector('input[name="scrap"]');
  const scrapReason = form.querySelector('[data-scrap-reason]');
  if (scrap && scrapReason) {
    const scrapped = Number(scrap.value || 0) > 0;
    scrapReason.hidden = !scrapped;
    const field = scrapReason.querySelector('select, input');
    if (field) field.required = scrapped;
  }
}
document.addEventListener('input', (e) => {
  const form = e.target.closest('form');
  if (form) {
    checkLimits(form);
    saveDraft(form);
  }
});

// ---- drafts: what was typed survives a session that ends mid-form (kept in this tab only, never tokens) -------------
const draftKey = (form) => `mes-draft:${user}:${form.dataset.draft}`;
function saveDraft(form) {
  if (!form.dataset.draft) return;
  const values = {};
  for (const el of form.elements) {
    if (el.name && el.type !== 'hidden' && el.type !== 'submit') values[el.name] = el.value;
  }
  sessionStorage.setItem(draftKey(form), JSON.stringify({ at: Date.now(), values }));
}
function restoreDrafts(root) {
  root.querySelectorAll('form[data-draft]').forEach((form) => {
    const saved = sessionStorage.getItem(draftKey(form));
    if (!saved) return;
    const { at, values } = JSON.parse(saved);
    if (Date.now() - at > 12 * 3600 * 1000) { sessionStorage.removeItem(draftKey(form)); return; }
    let restored = false;
    for (const [name, value] of Object.entries(values)) {
      const el = form.elements.namedItem(name);
      // a field still as the page filled it takes what the person had typed
      const untouched = el && 'value' in el && (el.value === '' || el.value === el.defaultValue);
      if (untouched && value && value !== el.value) { el.value = value; restored = true; }
    }
    if (restored) {
      form.classList.add('restored');
      const note = form.querySelector('.restored-note');
      if (note) note.hidden = false;
    }
    checkLimits(form);
  });
}

// ---- htmx: background refreshes, send errors, ended sessions, scan feedback -------------------------------------------
document.addEventListener('htmx:configRequest', (e) => {
  if (e.detail.elt.closest('[data-background]')) e.detail.headers['X-MES-Background'] = 'true';
  // the dispatch list marks the operation open in the panel, whichever way it was opened
  const work = document.getElementById('work');
  if (e.detail.elt.id === 'dispatch' && work) {
    e.detail.parameters.lot = work.dataset.lot;
    e.detail.parameters.op = work.dataset.operation;
  }
});
// a filter applies as soon as it is chosen
document.addEventListener('change', (e) => {
  if (e.target.matches('[data-submit-on-change]') && e.target.form) e.target.form.requestSubmit();
});
document.addEventListener('htmx:beforeRequest', (e) => {
  const form = e.detail.elt.closest('form');
  if (form) form.querySelectorAll('.send-error').forEach((n) => { n.hidden = true; });
});
document.addEventListener('htmx:sendError', (e) => notSent(e));
document.addEventListener('htmx:timeout', (e) => notSent(e));
function notSent(e) {
  offline(true);
  const form = e.detail.elt.closest('form');
  if (form) {
    // the form keeps what was typed and its idempotency key: sending again applies it once
    form.querySelectorAll('.send-error:not(.not-answered)').forEach((n) => { n.hidden = false; });
    tone(false);
  }
}
document.addEventListener('htmx:responseError', (e) => {
  const xhr = e.detail.xhr;
  if (xhr.status === 401) {
    const why = xhr.getResponseHeader('X-MES-Session-Ended') || 'unknown';
    document.getElementById('ended').hidden = false;
    const back = encodeURIComponent(location.pathname + location.search);
    setTimeout(() => {
      location.href = why === 'idle' ? `/auth/logged-out?reason=idle&return=${back}` : `/auth/login?return=${back}`;
    }, 1500);
  }
});
// an accepted submission's draft goes before the new content settles (which restores drafts)
document.addEventListener('htmx:beforeSwap', (e) => {
  const xhr = e.detail.xhr;
  const elt = e.detail.requestConfig && e.detail.requestConfig.elt;
  // a screen's own refresh that failed keeps what it shows: the next one will do
  if (elt && elt.closest('[data-background]') && xhr.status >= 300) {
    e.detail.shouldSwap = false;
    return;
  }
  const form = elt && elt.closest('form');
  // a submission without a proper answer (a service down or too slow) keeps the form, its entry and its key:
  // sent again, it is applied once
  if (form && xhr.status >= 500) {
    e.detail.shouldSwap = false;
    form.querySelectorAll('.send-error.not-answered').forEach((n) => { n.hidden = false; });
    tone(false);
    return;
  }
  if (form && form.dataset.draft && xhr.status >= 200 && xhr.status < 300 && !xhr.getResponseHeader('X-MES-Refused')) {
    sessionStorage.removeItem(draftKey(form));
  }
});
document.addEventListener('htmx:afterRequest', (e) => {
  const xhr = e.detail.xhr;
  if (!xhr || xhr.status === 0) return;
  offline(false);
  const scan = xhr.getResponseHeader('X-MES-Scan');
  if (scan) {
    tone(scan === 'ok');
    flash(scanField(), scan === 'ok');
    const result = document.getElementById('scan-result');
    if (result && scan === 'ok') result.replaceChildren(); // the last refused scan is no longer the news
  } else if (xhr.getResponseHeader('X-MES-Refused')) {
    tone(false);
  }
});
document.addEventListener('htmx:afterSettle', (e) => {
  restoreDrafts(e.detail.elt);
  e.detail.elt.querySelectorAll('form').forEach(checkLimits);
  const autofocus = e.detail.elt.querySelector('[autofocus]');
  if (autofocus) autofocus.focus();
});

// ---- offline banner: shown while the gateway cannot be reached ---------------------------------------------------------
const banner = document.getElementById('offline');
let offlineNow = false;
function offline(on) {
  offlineNow = on;
  if (banner) banner.hidden = !on;
}
setInterval(async () => {
  try {
    const r = await fetch('/q/health/live', { cache: 'no-store', signal: AbortSignal.timeout(4000) });
    offline(!r.ok);
  } catch (err) {
    offline(true);
  }
}, 5000);
window.addEventListener('offline', () => offline(true));

// ---- idle logout on shared tablets --------------------------------------------------------------------------------------
if (idleSeconds > 0 && user) {
  let last = Date.now();
  const warn = document.getElementById('idle-warning');
  ['pointerdown', 'keydown'].forEach((t) => document.addEventListener(t, () => {
    last = Date.now();
    if (warn) warn.hidden = true;
  }, true));
  setInterval(() => {
    const idle = (Date.now() - last) / 1000;
    if (warn) warn.hidden = idle < idleSeconds - 60;
    if (idle >= idleSeconds) location.href = '/auth/logout?reason=idle';
  }, 5000);
}

// logging out on purpose leaves nothing typed behind for the next person on this tablet
const logout = document.getElementById('logout');
if (logout) {
  logout.addEventListener('click', () => {
    Object.keys(sessionStorage).filter((k) => k.startsWith(`mes-draft:${user}:`))
      .forEach((k) => sessionStorage.removeItem(k));
  });
}

restoreDrafts(document);
document.querySelectorAll('form').forEach(checkLimits);
