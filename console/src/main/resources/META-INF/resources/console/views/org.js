// The organizer's and district admin's view: the tree with member counts and size flags, a
// branch's members and affiliates, transfers waiting for a decision, temporary branches with their
// planned end, and the district's size report.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { act, all, session } from '../api.js';
import { card, show, action, toast, table, badge, fmtDateTime, today } from '../ui.js';

export async function orgView(root, query, navigate) {
  const claims = session.claims() || {};
  const roles = session.roles();
  const districtAdmin = roles.includes('district_admin') && claims.district;
  let report = null;
  let roots = [];
  if (claims.org_scope) {
    roots = [claims.org_scope];
  } else if (districtAdmin) {
    report = await all('districtSizeReport', { params: { code: claims.district } });
    roots = report.filter(r => !r.parentId).map(r => r.organizationId);
  }
  if (!roots.length) {
    return replace(root, card('org.title', h('p', { class: 'muted', id: 'no-tree' }, t('org.noScope'))));
  }
  const rootId = query.get('root') && roots.includes(query.get('root')) ? query.get('root') : roots[0];
  const selected = query.get('branch');
  const go = changes => navigate('org', { root: rootId, branch: selected, ...changes });

  const [rootOrg, sizes, below] = await Promise.all([
    act('organization', { params: { id: rootId } }),
    all('subtreeSizes', { params: { id: rootId } }),
    all('descendants', { params: { id: rootId } }),
  ]);
  const organizations = [rootOrg, ...below];
  const size = new Map(sizes.map(s => [s.organizationId, s]));
  const children = new Map();
  for (const o of below) {
    if (!children.has(o.parentId)) children.set(o.parentId, []);
    children.get(o.parentId).push(o);
  }

  const rootPicker = roots.length > 1 ? h('select', { id: 'root-picker', 'aria-label': t('org.pickRoot'),
    onchange: e => go({ root: e.target.value, branch: null }) },
  roots.map(id => h('option', { value: id, selected: id === rootId },
    (report.find(r => r.organizationId === id) || {}).name || id))) : null;

  const transfers = h('div', { id: 'transfers' });
  const branch = h('div', { id: 'branch' });
  const refresh = () => orgView(root, query, navigate);

  replace(root,
    h('div', { class: 'toolbar' }, rootPicker, h('span', { class: 'muted' }, t('org.flagHint'))),
    h('div', { class: 'columns wide-left' },
      card('org.tree', h('ul', { class: 'tree', id: 'tree' }, node(rootOrg, size, children, selected, go))),
      h('div', {},
        selected ? card('org.branch', branch) : null,
        card('org.transfers', transfers),
        card('org.temporary', temporary(organizations)))),
    report ? card('org.districtReport', districtReport(report)) : null);

  show(transfers, async () => {
    const waiting = await all('incomingTransfers', { query: { organizationId: rootId } });
    // where they come from is usually outside one's scope: an organization's own card is open to anyone
    const known = new Set(organizations.map(o => o.id));
    const elsewhere = [...new Set(waiting.map(tr => tr.fromOrganizationId).filter(id => !known.has(id)))];
    const cards = await Promise.all(elsewhere.map(id => act('organization', { params: { id } }).catch(() => null)));
    return transferList(waiting, [...organizations, ...cards.filter(Boolean)], refresh);
  });
  if (selected) show(branch, () => branchDetail(selected, organizations));
}

function node(org, size, children, selected, go) {
  const s = size.get(org.id);
  const flags = s ? s.flags : [];
  const kids = children.get(org.id) || [];
  return h('li', { dataset: { org: org.id, flags: flags.map(f => f.rule).join(' ') } },
    h('div', { class: 'node' + (org.id === selected ? ' selected' : '') },
      h('button', { type: 'button', class: 'link node-name', onclick: () => go({ branch: org.id }) }, org.name),
      h('span', { class: 'kind' }, t('kind.' + org.kind)),
      org.form && org.form.type && org.form.type !== 'ORDINARY' ? h('span', { class: 'tag' }, t('form.' + org.form.type)) : null,
      s ? h('span', { class: 'counts' }, t('org.counts', { full: s.full, probationary: s.probationary })) : null,
      flags.map(f => h('span', { class: 'flag', title: f.detail, dataset: { rule: f.rule } }, '⚑ ' + t('flag.' + f.rule)))),
    kids.length ? h('ul', {}, kids.map(k => node(k, size, children, selected, go))) : null);
}

function temporary(organizations) {
  const now = today();
  const rows = organizations.filter(o => o.form && o.form.type === 'TEMPORARY')
    .sort((a, b) => String(a.form.plannedEndOn).localeCompare(String(b.form.plannedEndOn)))
    .map(o => {
      const end = o.form.plannedEndOn;
      const days = end ? Math.round((Date.parse(end) - Date.parse(now)) / 86400000) : null;
      return h('tr', { class: days != null && days < 0 ? 'overdue' : '' },
        h('td', {}, o.name), h('td', {}, o.form.purpose || ''), h('td', {}, end || ''),
        h('td', {}, days == null ? '' : days < 0 ? t('org.overdue', { days: -days }) : t('org.daysLeft', { days })));
    });
  return table(['org.name', 'org.purpose', 'org.plannedEnd', 'org.remaining'], rows);
}

function orgName(organizations, id) {
  const o = organizations.find(x => x.id === id);
  return o ? o.name : id.slice(0, 8);
}

function transferList(transfers, organizations, refresh) {
  if (!transfers.length) return h('p', { class: 'muted' }, t('org.noTransfers'));
  return h('ul', { class: 'list' }, transfers.map(tr => {
    const messages = h('div');
    const step = (label, name, body) => action(label, async () => {
      await act(name, { params: { id: tr.id }, body });
      toast(t('org.transferDone'));
      await refresh();
    }, { messages, attrs: { dataset: { act: name } } });
    return h('li', { dataset: { transfer: tr.id } },
      h('div', {}, h('strong', {}, t('org.member') + ' ' + tr.memberId.slice(0, 8)), ' ', badge(tr.status),
        tr.interDistrict ? h('span', { class: 'tag' }, t('org.interDistrict')) : null),
      h('div', { class: 'muted' }, orgName(organizations, tr.fromOrganizationId) + ' (' + tr.fromDistrictCode + ') → ',
        orgName(organizations, tr.toOrganizationId), ' · ',
        fmtDateTime(tr.requestedAt), tr.note ? ' · ' + tr.note : ''),
      h('div', { class: 'row' },
        tr.status === 'REQUESTED' ? step('org.accept', 'acceptTransfer') : null,
        tr.status === 'REQUESTED' ? step('org.reject', 'rejectTransfer', { reason: t('org.rejectDefault') }) : null,
        tr.status === 'ACCEPTED' ? step('org.complete', 'completeTransfer') : null),
      messages);
  }));
}

async function branchDetail(id, organizations) {
  const org = organizations.find(o => o.id === id);
  const [members, affiliations] = await Promise.all([
    all('members', { query: { homeOrganizationId: id } }),
    org && org.kind === 'BRANCH' ? act('affiliations', { params: { id } }).then(a => a.items) : Promise.resolve([]),
  ]);
  return h('div', {},
    h('h3', {}, org ? org.name : id),
    h('h4', {}, t('org.members') + ' (' + members.length + ')'),
    h('div', { class: 'tall' }, table(['org.name', 'org.status', 'org.admitted', 'org.fullSince'], members.map(m => h('tr', {},
      h('td', {}, m.name), h('td', {}, t('member.' + m.status)), h('td', {}, m.admittedOn || ''),
      h('td', {}, m.fullSince || ''))))),
    h('h4', {}, t('org.affiliates') + ' (' + affiliations.length + ')'),
    table(['org.name', 'org.kindOfLink', 'org.since'], affiliations.map(a => h('tr', {},
      h('td', {}, a.memberName), h('td', {}, a.kind), h('td', {}, a.since || '')))));
}

function districtReport(rows) {
  return table(['org.name', 'org.kind', 'org.form', 'org.full', 'org.probationary', 'org.flags'],
    rows.map(r => h('tr', { dataset: { org: r.organizationId } },
      h('td', {}, r.name), h('td', {}, t('kind.' + r.kind)), h('td', {}, r.form ? t('form.' + r.form) : ''),
      h('td', { class: 'num' }, String(r.full)), h('td', { class: 'num' }, String(r.probationary)),
      h('td', {}, (r.flags || []).map(f => h('span', { class: 'flag', title: f.detail }, '⚑ ' + t('flag.' + f.rule)))))));
}
