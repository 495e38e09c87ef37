// The station manager's desk: a week of bookings per room, the requests waiting for approval,
// today's check-ins, walk-ins, closures, mediations and the usage report.
import { h, replace, fields } from '../dom.js';
import { t } from '../i18n.js';
import { act } from '../api.js';
import { card, show, action, problem, toast, table, badge, fmtTime, fmtDateTime, fmtDay, today, addDays,
  shanghai, field } from '../ui.js';
import { bars } from '../chart.js';

export async function stationView(root, query, navigate) {
  const stations = await act('stationsIRun');
  // A station named in the address is opened whoever asks: the API shows them what it allows.
  if (!stations.length && !query.get('station')) {
    return replace(root, card('station.title', h('p', { class: 'muted', id: 'no-station' }, t('station.none'))));
  }
  const stationId = query.get('station') || stations[0].id;
  // Seven days from the day asked for (today by default): on a Sunday the desk still sees what comes.
  const week = query.get('week') || today();
  const go = changes => navigate('station', { station: stationId, week, ...changes });

  const picker = h('select', { id: 'station-picker', 'aria-label': t('station.pick'),
    onchange: e => go({ station: e.target.value }) },
    stations.some(st => st.id === stationId) ? null : h('option', { value: stationId, selected: true }, stationId),
    stations.map(st => h('option', { value: st.id, selected: st.id === stationId }, st.name)));
  const weekNav = h('div', { class: 'week-nav' },
    h('button', { type: 'button', class: 'btn', onclick: () => go({ week: addDays(week, -7) }) }, '‹ ' + t('station.prevWeek')),
    h('button', { type: 'button', class: 'btn', onclick: () => go({ week: today() }) }, t('station.thisWeek')),
    h('button', { type: 'button', class: 'btn', onclick: () => go({ week: addDays(week, 7) }) }, t('station.nextWeek') + ' ›'));

  const [station, rooms, bookings] = await Promise.all([
    act('station', { params: { stationId } }),
    act('rooms', { params: { stationId } }),
    act('bookingsOfWeek', { params: { stationId }, query: { date: week, days: 7 } }),
  ]);
  const refresh = () => stationView(root, query, navigate);

  const pending = h('div', { id: 'pending' });
  const todays = h('div', { id: 'today' });
  const mediations = h('div', { id: 'mediations' });
  const usage = h('div', { id: 'usage' });

  replace(root,
    h('div', { class: 'toolbar' }, picker, h('span', { class: 'muted' }, station.address), weekNav),
    card('station.week', grid(rooms, bookings, week)),
    h('div', { class: 'columns' },
      card('station.pending', pending),
      card('station.today', todays)),
    h('div', { class: 'columns' },
      card('station.walkIn', walkInForm(stationId, rooms, refresh)),
      card('station.closures', closures(stationId, station.closures || [], refresh))),
    card('station.mediations', mediations),
    card('station.usage', usage));

  show(pending, async () => pendingList(stationId,
    await act('pendingApprovals', { params: { stationId } }), rooms, refresh));
  show(todays, async () => todayList(stationId,
    await act('bookingsOfWeek', { params: { stationId }, query: { date: today(), days: 1 } }), rooms, refresh));
  show(mediations, async () => mediationList(await act('mediations', { params: { stationId } }), rooms));
  show(usage, () => usageReport(stationId));
}

function roomName(rooms, id) {
  const room = rooms.find(r => r.id === id);
  return room ? room.name : '';
}

function who(b) {
  return b.busy ? t('station.busy') : b.bookerName;
}

function grid(rooms, bookings, week) {
  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
  const now = today();
  const head = h('tr', {}, h('th', {}, t('station.room')),
    days.map(d => h('th', { class: d === now ? 'is-today' : '' }, fmtDay(d))));
  const body = rooms.map(room => h('tr', {},
    h('th', { scope: 'row' }, room.name, h('small', {}, ' · ' + room.capacity + t('station.seats')),
      room.requiresApproval ? h('small', { class: 'needs-approval' }, ' · ' + t('station.needsApproval')) : null),
    days.map(d => h('td', { class: d === now ? 'is-today' : '' },
      bookings.filter(b => b.roomId === room.id && b.start.slice(0, 10) === d).map(b =>
        h('div', { class: 'bk bk-' + b.status.toLowerCase().replace(/_/g, '-'),
          dataset: { booking: b.id, status: b.status }, title: b.purpose || '' },
          h('span', { class: 'bk-time' }, fmtTime(b.start) + '–' + fmtTime(b.end)),
          h('span', { class: 'bk-who' }, who(b)),
          badge(b.status)))))));
  return h('div', { class: 'scroll' }, h('table', { class: 'calendar', id: 'calendar' }, h('thead', {}, head),
    h('tbody', {}, body)));
}

function pendingList(stationId, pending, rooms, refresh) {
  if (!pending.length) return h('p', { class: 'muted' }, t('station.noPending'));
  return h('ul', { class: 'list' }, pending.map(b => {
    const messages = h('div');
    const reason = h('input', { type: 'text', name: 'reason', maxlength: 500, placeholder: t('station.rejectReason'),
      'aria-label': t('station.rejectReason') });
    return h('li', { dataset: { booking: b.id } },
      h('div', {}, h('strong', {}, fmtDateTime(b.start) + '–' + fmtTime(b.end)), ' · ', roomName(rooms, b.roomId)),
      h('div', {}, who(b), ' · ', b.purpose || '', b.attendees ? ' · ' + b.attendees + t('station.people') : ''),
      h('div', { class: 'row' },
        action('station.approve', async () => {
          await act('approveBooking', { params: { stationId, bookingId: b.id } });
          toast(t('station.approved'));
          await refresh();
        }, { messages, variant: 'primary', attrs: { dataset: { act: 'approve' } } }),
        reason,
        action('station.reject', async () => {
          await act('rejectBooking', { params: { stationId, bookingId: b.id },
            body: { reason: reason.value.trim() || t('station.rejectDefault') } });
          toast(t('station.rejected'));
          await refresh();
        }, { messages, variant: 'danger', attrs: { dataset: { act: 'reject' } } })),
      messages);
  }));
}

function todayList(stationId, bookings, rooms, refresh) {
  const open = bookings.filter(b => b.status === 'CONFIRMED' || b.status === 'CHECKED_IN' || b.status === 'REQUESTED');
  if (!open.length) return h('p', { class: 'muted' }, t('station.nothingToday'));
  return h('ul', { class: 'list' }, open.map(b => {
    const messages = h('div');
    return h('li', { dataset: { booking: b.id } },
      h('div', {}, h('strong', {}, fmtTime(b.start) + '–' + fmtTime(b.end)), ' · ', roomName(rooms, b.roomId), ' ',
        badge(b.status)),
      h('div', {}, who(b), b.bookerPhone ? ' · ' + b.bookerPhone : ''),
      b.status === 'CONFIRMED' ? action('station.checkIn', async () => {
        await act('checkInBooking', { params: { stationId, bookingId: b.id } });
        toast(t('station.checkedIn'));
        await refresh();
      }, { messages, attrs: { dataset: { act: 'check-in' } } }) : null,
      messages);
  }));
}

function walkInForm(stationId, rooms, refresh) {
  const messages = h('div');
  const day = today();
  const form = h('form', { class: 'form', id: 'walk-in', onsubmit: async e => {
    e.preventDefault();
    const f = fields(form);
    replace(messages);
    try {
      await act('bookWalkIn', { params: { stationId, roomId: f.room }, body: {
        start: shanghai(f.date, f.from), end: shanghai(f.date, f.to), bookerKind: 'PUBLIC',
        bookerName: f.name, bookerPhone: f.phone || null, purpose: f.purpose, attendees: Number(f.attendees || 1) } });
      toast(t('station.booked'));
      await refresh();
    } catch (err) {
      replace(messages, problem(err));
    }
  } },
  field('station.room', h('select', { name: 'room', required: true }, rooms.map(r => h('option', { value: r.id }, r.name)))),
  field('station.date', h('input', { type: 'date', name: 'date', value: day, required: true })),
  field('station.from', h('input', { type: 'time', name: 'from', value: '14:00', required: true })),
  field('station.to', h('input', { type: 'time', name: 'to', value: '15:00', required: true })),
  field('station.name', h('input', { type: 'text', name: 'name', maxlength: 200, required: true, autocomplete: 'off' })),
  field('station.phone', h('input', { type: 'tel', name: 'phone', maxlength: 30, autocomplete: 'off' })),
  field('station.purpose', h('input', { type: 'text', name: 'purpose', maxlength: 500, required: true })),
  field('station.attendees', h('input', { type: 'number', name: 'attendees', min: 1, max: 10000, value: 1 })),
  h('button', { type: 'submit', class: 'btn primary' }, t('station.bookWalkIn')),
  messages);
  return form;
}

function closures(stationId, list, refresh) {
  const messages = h('div');
  const day = today();
  const form = h('form', { class: 'form', id: 'closure', onsubmit: async e => {
    e.preventDefault();
    const f = fields(form);
    replace(messages);
    try {
      await act('addClosure', { params: { stationId }, body: {
        start: shanghai(f.startDate, f.startTime), end: shanghai(f.endDate, f.endTime), reason: f.reason } });
      toast(t('station.closed'));
      await refresh();
    } catch (err) {
      replace(messages, problem(err));
    }
  } },
  field('station.from', h('input', { type: 'date', name: 'startDate', value: day, required: true })),
  field('station.fromTime', h('input', { type: 'time', name: 'startTime', value: '00:00', required: true })),
  field('station.to', h('input', { type: 'date', name: 'endDate', value: addDays(day, 1), required: true })),
  field('station.toTime', h('input', { type: 'time', name: 'endTime', value: '00:00', required: true })),
  field('station.reason', h('input', { type: 'text', name: 'reason', maxlength: 500, required: true })),
  h('button', { type: 'submit', class: 'btn' }, t('station.addClosure')),
  messages);
  return h('div', {},
    list.length ? h('ul', { class: 'list compact' }, list.map(c => h('li', {},
      fmtDateTime(c.start) + ' – ' + fmtDateTime(c.end) + ' · ', c.reason))) : h('p', { class: 'muted' }, t('station.noClosures')),
    form);
}

function mediationList(list, rooms) {
  return table(['station.when', 'station.room', 'station.site', 'station.arrangedBy', 'station.family', 'station.outcome'],
    list.map(m => h('tr', {},
      h('td', {}, fmtDateTime(m.booking.start)),
      h('td', {}, roomName(rooms, m.booking.roomId)),
      h('td', {}, m.site),
      h('td', {}, m.booking.bookerName || ''),
      h('td', {}, (m.family && m.family.names || []).join('、')),
      h('td', {}, m.outcome ? t('outcome.' + m.outcome) : badge(m.booking.status)))));
}

async function usageReport(stationId) {
  const to = today();
  const from = to.slice(0, 8) + '01';
  const report = await act('usage', { params: { stationId }, query: { from: addDays(from, -60), to: addDays(to, 60) } });
  const total = report.total;
  return h('div', {},
    h('p', { class: 'muted' }, t('station.usagePeriod', { from: report.from, to: report.to })),
    h('div', { class: 'stats' },
      stat('station.bookedCount', total.booked), stat('station.checkedInCount', total.checkedIn),
      stat('station.noShows', total.noShows), stat('station.cancelled', total.cancelled),
      stat('station.noShowRate', total.noShowRate == null ? '–' : Math.round(total.noShowRate * 100) + '%')),
    bars({ title: t('station.usage'), unit: 'h', series: [
      { key: 'bookedHours', label: t('station.bookedHours') }, { key: 'usedHours', label: t('station.usedHours') }],
    rows: report.rooms.map(r => ({ label: r.name, values: r.figures })) }));
}

function stat(labelKey, value) {
  return h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, String(value)), h('span', {}, t(labelKey)));
}
