import { h, replace } from './dom.js';
import { t, currentLanguage } from './i18n.js';
import { ApiError } from './api.js';

export function card(titleKey, ...content) {
  return h('section', { class: 'card' }, h('h2', {}, t(titleKey)), ...content);
}

/** How a refusal or failure reads on the screen: what the API said, with its slug. */
export function problem(error) {
  if (error instanceof ApiError) {
    const kind = error.status === 403 ? t('refused') : error.status === 401 ? t('signedOut')
      : error.status === 404 ? t('notFound') : error.status >= 500 || error.status === 0 ? t('unavailable') : t('notDone');
    return h('div', { class: 'problem', role: 'alert', dataset: { status: String(error.status), slug: error.slug } },
      h('strong', {}, kind), error.slug ? h('code', {}, error.slug) : null, h('span', {}, error.message));
  }
  return h('div', { class: 'problem', role: 'alert' }, h('strong', {}, t('notDone')), h('span', {}, String(error)));
}

/** Fills {@code target} with what {@code load} renders, or with the API's refusal. */
export async function show(target, load) {
  replace(target, h('p', { class: 'muted' }, t('loading')));
  try {
    replace(target, await load());
  } catch (e) {
    replace(target, problem(e));
    if (!(e instanceof ApiError)) console.error(e);
  }
}

/**
 * A button that runs {@code run}, disabled meanwhile; the API's refusal is shown in {@code messages}
 * (or next to the button) and nothing else changes.
 */
export function action(labelKey, run, { messages, variant = '', attrs = {} } = {}) {
  const outlet = messages || h('span', { class: 'inline-msg' });
  const button = h('button', { type: 'button', class: 'btn ' + variant, ...attrs, onclick: async () => {
    button.disabled = true;
    replace(outlet);
    try {
      await run();
    } catch (e) {
      replace(outlet, problem(e));
    } finally {
      button.disabled = false;
    }
  } }, t(labelKey));
  return messages ? button : h('span', { class: 'action' }, button, outlet);
}

export function toast(text) {
  const el = document.getElementById('toast');
  replace(el, text);
  el.classList.add('on');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove('on'), 3000);
}

export function table(headers, rows, attrs = {}) {
  return h('div', { class: 'scroll' }, h('table', attrs,
    h('thead', {}, h('tr', {}, headers.map(k => h('th', {}, t(k))))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headers.length, class: 'muted' }, t('none'))))));
}

export function badge(status) {
  return h('span', { class: 'badge b-' + String(status).toLowerCase().replace(/_/g, '-') }, t('status.' + status));
}

function locale() {
  return currentLanguage() === 'en' ? 'en-GB' : 'zh-CN';
}

const SHANGHAI = 'Asia/Shanghai';

export function fmtTime(iso) {
  return iso ? new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: SHANGHAI })
    .format(new Date(iso)) : '';
}

export function fmtDateTime(iso) {
  return iso ? new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit',
    minute: '2-digit', hour12: false, timeZone: SHANGHAI }).format(new Date(iso)) : '';
}

export function fmtDay(date) {
  return new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' })
    .format(new Date(date + 'T00:00:00Z'));
}

/** Today in Shanghai, YYYY-MM-DD, whatever the laptop's own zone. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: SHANGHAI }).format(new Date());
}

export function addDays(date, n) {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function mondayOf(date) {
  const day = new Date(date + 'T00:00:00Z').getUTCDay();
  return addDays(date, day === 0 ? -6 : 1 - day);
}

/** A local time in Shanghai as ISO-8601 with its offset, as the API wants it. */
export function shanghai(date, time) {
  return date + 'T' + time + ':00+08:00';
}

export function field(labelKey, input) {
  return h('label', { class: 'field' }, h('span', {}, t(labelKey)), input);
}
