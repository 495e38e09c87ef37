import { h, replace } from './dom.js';
import { t, currentLanguage, setLanguage } from './i18n.js';
import { session, whenSignedOut } from './api.js';
import { problem } from './ui.js';
import { signInView } from './views/signin.js';
import { stationView } from './views/station.js';
import { orgView } from './views/org.js';
import { trainingView } from './views/training.js';
import { conferenceView } from './views/conference.js';

// Every screen is reachable by every signed-in person: what each shows is what the API answers
// them, and an action the API refuses shows its refusal. The roles only choose where one lands.
const SCREENS = {
  station: { label: 'nav.station', view: stationView },
  org: { label: 'nav.org', view: orgView },
  training: { label: 'nav.training', view: trainingView },
  conference: { label: 'nav.conference', view: conferenceView },
};

function landing() {
  const roles = session.roles();
  if (roles.includes('station_manager')) return 'station';
  if (roles.includes('training_admin')) return 'training';
  if (roles.some(r => ['district_admin', 'organizer', 'branch_secretary'].includes(r))) return 'org';
  return 'conference';
}

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [name, q] = hash.split('?');
  return { name, query: new URLSearchParams(q || '') };
}

export function navigate(name, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v);
  const text = q.toString();
  location.hash = '#/' + name + (text ? '?' + text : '');
}

let rendering = 0;

async function render() {
  const main = document.getElementById('main');
  const mine = ++rendering;
  header();
  if (!session.claims()) {
    session.signOut();
    return signInView(main, () => navigate(landing()));
  }
  let { name, query } = parseHash();
  if (!SCREENS[name]) {
    return navigate(landing());
  }
  document.querySelectorAll('#nav button').forEach(b => b.setAttribute('aria-current', b.dataset.screen === name ? 'page' : 'false'));
  replace(main, h('p', { class: 'muted' }, t('loading')));
  try {
    await SCREENS[name].view(main, query, navigate);
  } catch (e) {
    if (mine === rendering) replace(main, problem(e));
    if (!(e && e.status)) console.error(e);
  }
  main.dataset.ready = name;
}

function header() {
  document.documentElement.lang = currentLanguage() === 'en' ? 'en' : 'zh-CN';
  document.title = t('brand');
  replace(document.getElementById('brand'), t('brand'));
  const lang = document.getElementById('lang');
  replace(lang, currentLanguage() === 'en' ? '中文' : 'English');
  lang.onclick = () => { setLanguage(currentLanguage() === 'en' ? 'zh' : 'en'); render(); };
  const claims = session.claims();
  const nav = document.getElementById('nav');
  replace(nav, claims ? Object.entries(SCREENS).map(([key, screen]) => h('button', { type: 'button', class: 'tab',
    dataset: { screen: key }, onclick: () => navigate(key) }, t(screen.label))) : null);
  replace(document.getElementById('who'), claims ? claims.sub + ' · ' + session.roles().map(r => t('role.' + r)).join('、')
    + (claims.district ? ' · ' + claims.district : '') : '');
  const out = document.getElementById('signout');
  out.hidden = !claims;
  replace(out, t('signout'));
  out.onclick = () => { session.signOut(); location.hash = ''; render(); };
}

whenSignedOut(() => {
  session.signOut();
  render();
});
window.addEventListener('hashchange', render);
render();
