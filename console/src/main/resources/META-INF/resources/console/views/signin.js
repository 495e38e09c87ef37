// Signing in. The console holds the platform's bearer token for this tab only (sessionStorage:
// gone when the tab closes, never sent by the browser on its own). Locally, bin/run's gateway issues
// development tokens to callers on the same machine (/dev/token); elsewhere a token comes from the
// platform's identity provider: see console/README.md for that seam.
import { h, replace, fields } from '../dom.js';
import { t } from '../i18n.js';
import { session } from '../api.js';
import { card, problem, field } from '../ui.js';

/** The demo's people (local/demo/load.sh): who runs which station, which district hosts what. */
const PRESETS = [
  { key: 'preset.stationBund', subject: 'station-manager-bund', roles: ['station_manager'], district: '310101' },
  { key: 'preset.stationPenglai', subject: 'station-manager-penglai', roles: ['station_manager'], district: '310101' },
  { key: 'preset.adminYangpu', subject: 'admin-yangpu', roles: ['district_admin'], district: '310110' },
  { key: 'preset.adminHuangpu', subject: 'admin-huangpu', roles: ['district_admin'], district: '310101' },
  { key: 'preset.adminChongming', subject: 'admin-chongming', roles: ['district_admin'], district: '310151' },
];
const ROLES = ['station_manager', 'district_admin', 'organizer', 'branch_secretary', 'training_admin', 'member'];

export function signInView(root, done) {
  const messages = h('div');
  const devForm = h('form', { class: 'form', id: 'dev-signin', onsubmit: async e => {
    e.preventDefault();
    const f = fields(devForm);
    const roles = ROLES.filter(r => devForm.querySelector('[name="role-' + r + '"]').checked);
    await devToken({ subject: f.subject, roles, district: f.district || null, orgScope: f.orgScope || null,
      ttlSeconds: 8 * 3600 }, messages, done);
  } },
  field('signin.subject', h('input', { name: 'subject', required: true, maxlength: 200, autocomplete: 'username' })),
  h('fieldset', { class: 'roles' }, h('legend', {}, t('signin.roles')), ROLES.map(r =>
    h('label', {}, h('input', { type: 'checkbox', name: 'role-' + r }), ' ' + t('role.' + r)))),
  field('signin.district', h('input', { name: 'district', pattern: '\\d{6}', maxlength: 6, placeholder: '310101' })),
  field('signin.orgScope', h('input', { name: 'orgScope', maxlength: 36, placeholder: t('signin.orgScopeHint') })),
  h('button', { type: 'submit', class: 'btn primary' }, t('signin.dev')));

  const presets = h('div', { class: 'presets' }, PRESETS.map(p => h('button', { type: 'button', class: 'btn',
    dataset: { preset: p.subject }, onclick: () => devToken({ subject: p.subject, roles: p.roles, district: p.district,
      ttlSeconds: 8 * 3600 }, messages, done) }, t(p.key))));

  const pasted = h('textarea', { name: 'token', rows: 3, required: true, spellcheck: 'false', autocomplete: 'off',
    id: 'token-input', 'aria-label': t('signin.token') });
  const tokenForm = h('form', { class: 'form', id: 'token-signin', onsubmit: e => {
    e.preventDefault();
    session.signIn(pasted.value.trim());
    if (!session.claims()) {
      session.signOut();
      replace(messages, problem(new Error(t('signin.badToken'))));
      return;
    }
    done();
  } }, field('signin.token', pasted), h('button', { type: 'submit', class: 'btn primary' }, t('signin.useToken')));

  replace(root,
    card('signin.title', h('p', {}, t('signin.intro')), messages),
    h('div', { class: 'columns' },
      card('signin.devTitle', h('p', { class: 'muted' }, t('signin.devIntro')), presets, devForm),
      card('signin.tokenTitle', h('p', { class: 'muted' }, t('signin.tokenIntro')), tokenForm)));
}

async function devToken(request, messages, done) {
  replace(messages);
  let response;
  try {
    response = await fetch('/dev/token', { method: 'POST', credentials: 'omit', cache: 'no-store',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
  } catch (e) {
    return replace(messages, problem(e));
  }
  if (!response.ok) {
    return replace(messages, problem(new Error(response.status === 404 ? t('signin.devOff') : 'HTTP ' + response.status)));
  }
  session.signIn((await response.json()).token);
  done();
}
