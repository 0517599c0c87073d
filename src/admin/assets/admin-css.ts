// The admin page's one stylesheet, served from /assets/admin.css so the CSP can forbid inline styles
// (style-src 'self'). Calm and readable: warm neutrals, one accent, system fonts, no web fonts to fetch.
export const ADMIN_CSS = `
:root {
  --bg: #f6f4f0; --surface: #ffffff; --text: #1f2328; --muted: #5f6b76; --line: #e5e0d8;
  --accent: #b8501b; --accent-soft: #fbeee5; --ok: #2f7d4f; --ok-soft: #e6f3eb; --warn: #9a6700;
  --warn-soft: #fff4d6; --bad: #b42318; --bad-soft: #fdecea; --info-soft: #eef3fb; --info: #2f5da8;
  --radius: 10px;
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--text); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
body { margin: 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
h1 { font-size: 1.55rem; margin: 0 0 .25rem; font-weight: 650; letter-spacing: -.01em; }
h2 { font-size: 1.1rem; margin: 0 0 .75rem; font-weight: 650; }
h3 { font-size: .95rem; margin: 1rem 0 .5rem; font-weight: 650; }
p { margin: .25rem 0 .75rem; }
.muted, .hint { color: var(--muted); }
.hint { font-size: .85rem; }
.topbar { background: var(--surface); border-bottom: 1px solid var(--line); }
.topbar-inner { max-width: 1180px; margin: 0 auto; padding: .6rem 1.5rem; display: flex; align-items: center; gap: 1.5rem; }
.brand { font-weight: 700; color: var(--text); font-size: 1.05rem; letter-spacing: -.01em; }
.brand span { color: var(--accent); }
.nav { display: flex; gap: .25rem; flex: 1; flex-wrap: wrap; }
.nav a { color: var(--muted); padding: .35rem .7rem; border-radius: 999px; }
.nav a:hover { background: var(--bg); text-decoration: none; color: var(--text); }
.nav a.current { background: var(--accent-soft); color: var(--accent); font-weight: 600; }
.count { display: inline-block; min-width: 1.3rem; padding: 0 .35rem; margin-left: .3rem; border-radius: 999px; background: var(--accent); color: #fff; font-size: .75rem; text-align: center; font-weight: 600; }
main { max-width: 1180px; margin: 0 auto; padding: 1.75rem 1.5rem 4rem; }
.page-head { display: flex; align-items: flex-end; justify-content: space-between; gap: 1rem; margin-bottom: 1.25rem; flex-wrap: wrap; }
.card { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.1rem 1.25rem; margin-bottom: 1.25rem; }
.grid { display: grid; gap: 1.25rem; margin-bottom: 1.25rem; }
.grid > .card, .grid > div > .card:last-child { margin-bottom: 0; }
.grid-wide { grid-template-columns: minmax(0, 2fr) minmax(260px, 1fr); }
.grid-2 { grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); }
.grid-4 { grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); }
.stat { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: .9rem 1.1rem; }
.stat .value { font-size: 1.7rem; font-weight: 650; line-height: 1.2; }
a.stat { display: block; color: var(--text); }
a.stat:hover { text-decoration: none; border-color: var(--accent); }
a.stat .value { color: var(--accent); }
.brand-title span { color: var(--accent); }
.stat .label { color: var(--muted); font-size: .85rem; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; padding: .5rem .6rem; border-bottom: 1px solid var(--line); }
td { padding: .6rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
tr:last-child td { border-bottom: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.name-cell a { font-weight: 600; }
.sub { display: block; color: var(--muted); font-size: .85rem; }
.badge { display: inline-block; padding: .05rem .55rem; border-radius: 999px; font-size: .78rem; font-weight: 600; background: var(--bg); color: var(--muted); border: 1px solid var(--line); white-space: nowrap; }
.badge.ok, .badge.runner_up, .badge.open { background: var(--ok-soft); color: var(--ok); border-color: transparent; }
.badge.active { background: var(--info-soft); color: var(--info); border-color: transparent; }
.badge.placed_elsewhere, .badge.filled { background: var(--accent-soft); color: var(--accent); border-color: transparent; }
.badge.failing, .badge.do_not_contact, .badge.bad { background: var(--bad-soft); color: var(--bad); border-color: transparent; }
.badge.stale, .badge.never_synced, .badge.warn { background: var(--warn-soft); color: var(--warn); border-color: transparent; }
.reasons { display: flex; gap: .3rem; flex-wrap: wrap; }
.flash { padding: .75rem 1rem; border-radius: var(--radius); margin-bottom: 1.25rem; border: 1px solid transparent; }
.flash.ok { background: var(--ok-soft); color: var(--ok); }
.flash.error { background: var(--bad-soft); color: var(--bad); }
.flash ul { margin: .4rem 0 0; padding-left: 1.2rem; }
form.inline { display: inline; }
.filters { display: flex; gap: .6rem; flex-wrap: wrap; align-items: flex-end; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); gap: .2rem; }
.filters .grow { flex: 1; min-width: 220px; }
.stack { display: flex; flex-direction: column; gap: .75rem; }
.row { display: flex; gap: .75rem; flex-wrap: wrap; align-items: flex-end; }
.field { display: flex; flex-direction: column; gap: .25rem; font-size: .85rem; color: var(--muted); }
.field.grow { flex: 1; min-width: 200px; }
input, select, textarea { font: inherit; color: var(--text); background: var(--surface); border: 1px solid #d3cdc4; border-radius: 8px; padding: .45rem .6rem; }
input:focus, select:focus, textarea:focus, button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
textarea { min-height: 4.5rem; width: 100%; }
button, .button { font: inherit; font-weight: 600; border-radius: 8px; padding: .45rem .95rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; display: inline-block; }
button:hover, .button:hover { filter: brightness(.95); text-decoration: none; }
button.secondary, .button.secondary { background: var(--surface); color: var(--text); border-color: #d3cdc4; }
button.danger { background: var(--bad); border-color: var(--bad); }
button.link { background: none; border: 0; color: var(--accent); padding: 0; font-weight: 500; }
button[disabled] { opacity: .5; cursor: not-allowed; }
.actions { display: flex; gap: .4rem; flex-wrap: wrap; }
.pager { display: flex; gap: .75rem; align-items: center; justify-content: space-between; margin-top: .75rem; color: var(--muted); font-size: .9rem; }
.timeline { list-style: none; margin: 0; padding: 0; }
.timeline li { padding: .75rem 0; border-bottom: 1px solid var(--line); display: grid; grid-template-columns: 11.5rem minmax(0, 1fr); gap: 1rem; }
.timeline .when { overflow-wrap: anywhere; }
.addresses { list-style: none; margin: 0 0 1rem; padding: 0; }
.addresses li { display: flex; justify-content: space-between; gap: .5rem; flex-wrap: wrap; padding: .45rem 0; border-bottom: 1px solid var(--line); }
.timeline li:last-child { border-bottom: 0; }
.timeline .when { color: var(--muted); font-size: .85rem; }
.timeline .subject { font-weight: 600; }
.timeline .snippet { color: #3b434b; margin: .2rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.meta { display: flex; gap: .35rem; flex-wrap: wrap; align-items: center; font-size: .8rem; color: var(--muted); }
.signal { background: var(--warn-soft); color: var(--warn); border-radius: 6px; padding: .05rem .45rem; font-size: .8rem; }
dl.facts { display: grid; grid-template-columns: 9rem 1fr; gap: .35rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.chart { width: 100%; height: auto; display: block; }
.chart .bar-out { fill: var(--accent); }
.chart .bar-in { fill: #e8b48f; }
.chart .axis { stroke: var(--line); }
.chart text { fill: var(--muted); font-size: 11px; }
.legend { display: flex; gap: 1rem; font-size: .85rem; color: var(--muted); }
.legend .swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 2px; margin-right: .35rem; vertical-align: -1px; }
.swatch.out { background: var(--accent); }
.swatch.in { background: #e8b48f; }
.swatch.from { background: var(--info); }
.swatch.hollow { background: none; border: 1.5px solid #a9a39a; border-radius: 50%; }
.strip { width: 100%; height: auto; display: block; }
.strip .dot-out { fill: var(--accent); }
.strip .dot-in { fill: var(--info); }
.strip .dot-other { fill: none; stroke: #a9a39a; }
.strip .month { stroke: var(--line); }
.strip text { fill: var(--muted); font-size: 10px; }
.preview { width: 100%; height: 900px; border: 1px solid var(--line); border-radius: var(--radius); background: #fff; }
.errors { margin: 0; padding-left: 1.2rem; color: var(--bad); }
.errors li { margin: .15rem 0; }
.login { max-width: 380px; margin: 12vh auto; }
.empty { color: var(--muted); padding: 1rem 0; }
.danger-zone { border-color: #f1c4bf; }
code { background: var(--bg); padding: .05rem .3rem; border-radius: 4px; font-size: .9em; }
@media (max-width: 900px) {
  .grid-wide { grid-template-columns: 1fr; }
}
@media (max-width: 700px) {
  .timeline li { grid-template-columns: 1fr; gap: .2rem; }
  dl.facts { grid-template-columns: 1fr; }
  main { padding: 1rem; }
}
`;
