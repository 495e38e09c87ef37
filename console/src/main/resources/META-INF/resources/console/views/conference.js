// The conference office's view of a joint conference: member units by sector, the chair roster,
// offers and needs side by side with the proposed matches, and the co-built projects.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { act, all } from '../api.js';
import { card, show, action, toast, table, badge, today, field } from '../ui.js';

const SECTORS = ['CENTRAL_SOE', 'CITY_SOE', 'DISTRICT_SOE', 'PRIVATE_FIRM', 'SUB_DISTRICT', 'OTHER'];

export async function conferenceView(root, query, navigate) {
  const conferences = await all('conferences', {});
  if (!conferences.length) return replace(root, card('conf.title', h('p', { class: 'muted' }, t('conf.none'))));
  const id = query.get('conference') && conferences.some(c => c.id === query.get('conference'))
    ? query.get('conference') : conferences[0].id;
  const conference = conferences.find(c => c.id === id);
  const picker = h('select', { id: 'conference-picker', 'aria-label': t('conf.pick'),
    onchange: e => navigate('conference', { conference: e.target.value }) },
  conferences.map(c => h('option', { value: c.id, selected: c.id === id }, c.name)));
  const refresh = () => conferenceView(root, query, navigate);

  const [units, terms, offers, needs, proposals, projects] = await Promise.all([
    all('units', { params: { id } }), all('chairTerms', { params: { id } }),
    all('offers', { params: { id }, query: { status: 'OPEN' } }), all('needs', { params: { id }, query: { status: 'OPEN' } }),
    act('proposals', { params: { id } }).then(p => p.items), all('projects', { params: { id } })]);

  replace(root,
    h('div', { class: 'toolbar' }, picker,
      h('span', { class: 'muted' }, t('conf.host', { district: conference.hostDistrict, founded: conference.foundedOn }))),
    h('div', { class: 'columns' },
      card('conf.units', unitsBySector(units)),
      card('conf.chairs', roster(terms))),
    card('conf.market', market(id, offers, needs, refresh)),
    card('conf.proposals', h('div', { id: 'conference-proposals' }, proposalList(id, proposals, refresh))),
    card('conf.projects', projectList(id, projects, units, refresh)));
}

function unitsBySector(units) {
  const active = units.filter(u => !u.leftOn);
  const sectors = [...new Set([...SECTORS, ...active.map(u => u.sector)])];
  return h('div', { id: 'units' }, sectors.filter(s => active.some(u => u.sector === s)).map(s => h('div', { class: 'sector' },
    h('h4', {}, t('sector.' + s) + ' (' + active.filter(u => u.sector === s).length + ')'),
    h('ul', { class: 'chips' }, active.filter(u => u.sector === s).map(u => h('li', {}, u.name))))));
}

function roster(terms) {
  const now = today();
  return table(['conf.unit', 'conf.from', 'conf.until'], terms.map(term => h('tr', {
    class: term.startsOn <= now && now <= term.endsOn ? 'current' : '' },
  h('td', {}, term.unitName, term.startsOn <= now && now <= term.endsOn ? h('span', { class: 'tag' }, t('conf.currentChair')) : null),
  h('td', {}, term.startsOn), h('td', {}, term.endsOn))));
}

function listing(l, name) {
  return h('label', { class: 'listing', dataset: { listing: l.id } },
    h('input', { type: 'radio', name, value: l.id }),
    h('span', {}, h('strong', {}, l.unitName), ' · ', t('category.' + l.category), ' · ',
      t('conf.remaining', { remaining: l.remaining, quantity: l.quantity })),
    h('span', { class: 'muted' }, l.description));
}

function market(id, offers, needs, refresh) {
  const messages = h('div');
  const name = h('input', { type: 'text', name: 'projectName', maxlength: 200, placeholder: t('conf.projectName') });
  const form = h('form', { class: 'market', id: 'market' },
    h('div', { class: 'columns' },
      h('fieldset', { id: 'offers' }, h('legend', {}, t('conf.offers') + ' (' + offers.length + ')'),
        offers.length ? offers.map(o => listing(o, 'offer')) : h('p', { class: 'muted' }, t('none'))),
      h('fieldset', { id: 'needs' }, h('legend', {}, t('conf.needs') + ' (' + needs.length + ')'),
        needs.length ? needs.map(n => listing(n, 'need')) : h('p', { class: 'muted' }, t('none')))),
    h('div', { class: 'row' }, field('conf.projectName', name),
      action('conf.match', async () => {
        const data = new FormData(form);
        const offer = offers.find(o => o.id === data.get('offer'));
        const need = needs.find(n => n.id === data.get('need'));
        if (!offer || !need) throw new Error(t('conf.pickBoth'));
        await propose(id, name.value.trim() || defaultName(offer.unitName, need.unitName, offer.category),
          offer.id, need.id);
        await refresh();
      }, { messages, variant: 'primary', attrs: { id: 'match-selected' } })),
    messages);
  return form;
}

function defaultName(offerUnit, needUnit, category) {
  return offerUnit + ' × ' + needUnit + ' · ' + t('category.' + category);
}

async function propose(id, name, offerId, needId) {
  await act('proposeProject', { params: { id }, body: { name, matches: [{ offerId, needId }] } });
  toast(t('conf.matched'));
}

function proposalList(id, proposals, refresh) {
  if (!proposals.length) return h('p', { class: 'muted' }, t('conf.noProposals'));
  return table(['conf.offer', 'conf.need', 'conf.category', 'conf.quantity', 'conf.coverage', ''],
    proposals.map(p => h('tr', { dataset: { offer: p.offer.listingId, need: p.need.listingId } },
      h('td', {}, h('strong', {}, p.offer.unitName), h('br'), h('small', {}, p.offer.description)),
      h('td', {}, h('strong', {}, p.need.unitName), h('br'), h('small', {}, p.need.description)),
      h('td', {}, t('category.' + p.category)), h('td', { class: 'num' }, String(p.quantity)),
      h('td', { class: 'num' }, p.coveragePercent + '%'),
      h('td', {}, action('conf.match', async () => {
        await propose(id, defaultName(p.offer.unitName, p.need.unitName, p.category), p.offer.listingId, p.need.listingId);
        await refresh();
      }, { attrs: { dataset: { act: 'match' } } })))));
}

function projectList(id, projects, units, refresh) {
  return h('ul', { class: 'list', id: 'projects' }, projects.length ? projects.map(p => {
    const messages = h('div');
    return h('li', { dataset: { project: p.id, status: p.status } },
      h('div', {}, h('strong', {}, p.name), ' ', badge(p.status)),
      p.description ? h('div', { class: 'muted' }, p.description) : null,
      h('div', {}, (p.units || []).map(u => h('span', { class: 'chip' }, u.name))),
      h('div', { class: 'muted' }, t('conf.projectDates', { proposed: p.proposedOn || '', active: p.activatedOn || '–',
        closed: p.closedOn || '–' })),
      h('div', { class: 'row' },
        p.status === 'PROPOSED' ? action('conf.activate', async () => {
          await act('activateProject', { params: { id, projectId: p.id }, body: {} });
          await refresh();
        }, { messages, attrs: { dataset: { act: 'activate' } } }) : null,
        p.status === 'ACTIVE' ? action('conf.close', async () => {
          await act('closeProject', { params: { id, projectId: p.id }, body: {} });
          await refresh();
        }, { messages, attrs: { dataset: { act: 'close' } } }) : null),
      messages);
  }) : h('li', { class: 'muted' }, t('none')));
}
