// The training admin's view: upcoming sessions by course, a session's enrolments and waitlist, the
// check-in code to put on a screen, and the completion report of a subtree.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { act, all } from '../api.js';
import { card, show, table, badge, fmtDateTime, fmtTime, problem } from '../ui.js';
import { bars } from '../chart.js';

export async function trainingView(root, query, navigate) {
  const sessions = await all('sessions', { query: { limit: 100 } });
  const selected = query.get('session') || (sessions[0] && sessions[0].sessionId);
  const go = changes => navigate('training', { session: selected, org: query.get('org'), ...changes });

  const byCourse = new Map();
  for (const s of sessions) {
    if (!byCourse.has(s.courseId)) byCourse.set(s.courseId, { title: s.courseTitle, kind: s.courseKind, sessions: [] });
    byCourse.get(s.courseId).sessions.push(s);
  }
  const catalogue = byCourse.size ? h('ul', { class: 'list', id: 'sessions' }, [...byCourse.values()].map(c => h('li', {},
    h('strong', {}, c.title), h('span', { class: 'tag' }, t('course.' + c.kind)),
    h('ul', { class: 'list compact' }, c.sessions.map(s => h('li', { class: s.sessionId === selected ? 'selected' : '' },
      h('button', { type: 'button', class: 'link', onclick: () => go({ session: s.sessionId }) },
        fmtDateTime(s.startsAt) + '–' + fmtTime(s.endsAt)),
      ' · ', s.venue, ' · ', t('training.seatsLeft', { left: s.seatsLeft, capacity: s.capacity }))))))) :
    h('p', { class: 'muted' }, t('training.noSessions'));

  const enrolments = h('div', { id: 'enrolments' });
  const code = h('div', { id: 'check-in-code' });
  const report = h('div', { id: 'completion' });
  replace(root,
    h('div', { class: 'columns' },
      card('training.sessions', catalogue),
      h('div', {}, card('training.enrolments', enrolments), card('training.checkInCode', code))),
    card('training.completion', report));
  if (selected) {
    show(enrolments, () => enrolmentList(selected));
    replace(code, h('button', { type: 'button', class: 'btn primary', id: 'show-code',
      onclick: () => showCode(code, selected) }, t('training.showCode')));
  }
  show(report, () => completion(query.get('org'), go));
}

async function enrolmentList(sessionId) {
  const list = (await act('enrolments', { params: { id: sessionId } })).items || [];
  const confirmed = list.filter(e => e.status !== 'WAITLISTED' && e.status !== 'OFFERED');
  const waiting = list.filter(e => e.status === 'WAITLISTED' || e.status === 'OFFERED')
    .sort((a, b) => (a.waitlistPlace || 0) - (b.waitlistPlace || 0));
  const row = e => h('tr', {}, h('td', {}, e.personId.slice(0, 8)), h('td', {}, badge(e.status)),
    h('td', {}, e.waitlistPlace == null ? '' : String(e.waitlistPlace)), h('td', {}, fmtDateTime(e.enrolledAt)));
  return h('div', {},
    h('h4', {}, t('training.enrolled') + ' (' + confirmed.length + ')'),
    table(['training.person', 'training.status', 'training.place', 'training.enrolledAt'], confirmed.map(row)),
    h('h4', {}, t('training.waitlist') + ' (' + waiting.length + ')'),
    table(['training.person', 'training.status', 'training.place', 'training.enrolledAt'], waiting.map(row)));
}

/** Shows the current code large enough for a room's screen, and fetches the next one when it runs out. */
async function showCode(target, sessionId) {
  clearTimeout(showCode.timer);
  try {
    const shown = await act('checkInCode', { params: { id: sessionId } });
    replace(target, h('div', { class: 'big-code', 'aria-live': 'polite' }, shown.code),
      h('p', { class: 'muted' }, t('training.validUntil', { time: fmtTime(shown.validUntil) })),
      h('button', { type: 'button', class: 'btn', onclick: () => target.requestFullscreen && target.requestFullscreen() },
        t('training.fullscreen')));
    const wait = Math.max(2000, Date.parse(shown.validUntil) - Date.now() + 500);
    showCode.timer = setTimeout(() => target.isConnected && showCode(target, sessionId), Math.min(wait, 60000));
  } catch (e) {
    replace(target, problem(e));
  }
}

async function completion(orgId, go) {
  const organizations = await all('trainingOrganizations', {});
  if (!organizations.length) return h('p', { class: 'muted' }, t('training.noOrganizations'));
  // By default the top of what the caller reaches: an organization whose parent they do not reach.
  const reached = new Set(organizations.map(o => o.id));
  const top = organizations.find(o => !reached.has(o.parentId)) || organizations[0];
  const chosen = orgId && reached.has(orgId) ? orgId : top.id;
  const picker = h('select', { id: 'org-picker', 'aria-label': t('training.pickOrganization'),
    onchange: e => go({ org: e.target.value }) },
  organizations.map(o => h('option', { value: o.id, selected: o.id === chosen }, o.name)));
  const report = await act('completionReport', { params: { organizationId: chosen }, query: { limit: 500 } });
  return h('div', {},
    h('div', { class: 'toolbar' }, picker, h('span', { class: 'muted' }, t('training.year', { year: report.year }))),
    bars({ title: t('training.completion'), series: [{ key: 'count', label: t('training.people') }], rows: [
      { label: t('training.met'), values: { count: report.met } },
      { label: t('training.notMet'), values: { count: report.notMet } }] }),
    h('div', { class: 'tall' }, table(['training.person', 'training.earned', 'training.required', 'training.met'],
      report.items.map(l => h('tr', { class: l.met ? '' : 'overdue' }, h('td', {}, l.displayName || l.personId.slice(0, 8)),
        h('td', { class: 'num' }, String(l.earned)), h('td', { class: 'num' }, String(l.required)),
        h('td', {}, l.met ? '✓' : '✗'))))));
}
