// tests/site/browser.mjs: kith's dashboard opened in headless Chromium, as a
// person would (issue 3).  Called by tests/site/run:
//
//     node browser.mjs SAMPLE_SITE HOSTILE_SITE
//
// SAMPLE_SITE is the site of sample-journal/, HOSTILE_SITE the site of
// tests/site/hostile/.  Prints one line per check, "PASS name" or
// "FAIL name<TAB>what went wrong", and exits 1 when any check failed.  With
// KITH_SHOTS set, full-page screenshots (1280 wide) of the sample home page
// and of a person's page are written into that folder.
//
// Chromium is Debian's (/usr/bin/chromium), never a downloaded build; each
// run gets a fresh profile folder, removed at the end.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.KITH_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];

const [sampleDir, hostileDir] = process.argv.slice(2).map((d) => d && path.resolve(d));
if (!sampleDir || !hostileDir) {
  console.error('usage: node browser.mjs SAMPLE_SITE HOSTILE_SITE');
  process.exit(2);
}

let failed = 0;
let passed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`PASS ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}\t${String(detail).replace(/\s*\n\s*/g, ' | ')}`);
  }
  return ok;
}

// Every .html file below dir, as paths relative to it, sorted.
function pagesOf(dir) {
  const out = [];
  (function walk(rel) {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.html')) out.push(r);
    }
  })('');
  return out.sort();
}

const url = (dir, rel) => pathToFileURL(path.join(dir, rel)).href;

// What went wrong on a page while it was open: console errors, uncaught
// exceptions, requests that left file://.
function watch(page) {
  const w = { console: [], errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.console.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(String(e && e.message || e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) w.requests.push(r.url());
  });
  page.reset = () => { w.console.length = 0; w.errors.length = 0; w.requests.length = 0; };
  page.seen = w;
  return page;
}

// Checks of the DOM as Chromium parsed it, the same for every page: the
// Content-Security-Policy comes first in <head>, one script (kith's), no
// event-handler attribute anywhere, no element that loads or runs
// something, every link's scheme (as the browser resolves it) safe, a
// heading shown.
function domFacts() {
  const safe = new Set(['file:', 'http:', 'https:', 'mailto:', 'tel:']);
  const first = document.head && document.head.firstElementChild;
  const facts = {
    cspFirst: !!first && first.tagName === 'META' &&
      (first.getAttribute('http-equiv') || '').toLowerCase() === 'content-security-policy',
    csp: first ? first.getAttribute('content') || '' : '',
    scripts: document.scripts.length,
    handlers: [],
    unsafeLinks: [],
    loaders: [],
    h1: '',
    h1Visible: false,
    bodyText: document.body ? document.body.innerText.length : 0,
    title: document.title,
    pwned: typeof window.__kith_pwned,
  };
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) facts.handlers.push(`<${el.localName} ${a.name}="${a.value}">`);
      if (/(^|:)href$|^src$|^action$|^formaction$|^data$/i.test(a.name)) {
        let proto;
        try {
          proto = new URL(a.value, document.baseURI).protocol;
        } catch (e) {
          proto = 'invalid:';
        }
        // An href that does not parse is never followed; one that parses
        // must have a safe scheme.
        if (proto !== 'invalid:' && !safe.has(proto))
          facts.unsafeLinks.push(`<${el.localName} ${a.name}="${a.value}"> (${proto})`);
      }
    }
  }
  // kith's style sheet, the one <link> allowed: in <head>, site.css at
  // the site's root (where index.html's nav link points), and applied.
  const sheets = document.querySelectorAll('link');
  const home = document.querySelector('header.top a.brand');
  const own = sheets.length === 1 && sheets[0].parentElement === document.head &&
    sheets[0].rel === 'stylesheet' && home !== null &&
    sheets[0].href === new URL('site.css', home.href).href;
  facts.styled = own && getComputedStyle(document.querySelector('header.top')).display === 'flex';
  for (const el of document.querySelectorAll('img, iframe, frame, object, embed, base, link, form, audio, video, source, meta[http-equiv="refresh" i], svg script, svg foreignObject'))
    if (!(own && el === sheets[0]))
      facts.loaders.push(el.outerHTML.slice(0, 120));
  const h1 = document.querySelector('h1');
  if (h1) {
    facts.h1 = h1.textContent;
    const r = h1.getBoundingClientRect();
    const st = getComputedStyle(h1);
    facts.h1Visible = r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none';
  }
  return facts;
}

// Fires the events a payload might wait for on every element (inline
// handlers are refused by the page's policy, but the markup must not carry
// them in the first place), then reports whether anything ran.
function provoke() {
  for (const el of document.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'error', 'load', 'animationstart', 'toggle'])
      el.dispatchEvent(new Event(type));
  }
  return { pwned: typeof window.__kith_pwned, title: document.title };
}

async function openPage(page, dir, rel) {
  page.reset();
  const resp = await page.goto(url(dir, rel), { waitUntil: 'load', timeout: 15000 });
  return resp;
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-chromium-'));
let context;
const offsite = [];
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    offline: false,
  });
  // Every request of the whole run, from any tab (a page could open one).
  context.on('request', (r) => {
    if (!r.url().startsWith('file://')) offsite.push(r.url());
  });
  const page = watch(context.pages()[0] || await context.newPage());
  // A second tab with the page's policy switched off: what the escaping
  // alone lets through (kith must not rely on the policy).
  const bare = watch(await context.newPage());
  const cdp = await context.newCDPSession(bare);
  await cdp.send('Page.enable');
  await cdp.send('Page.setBypassCSP', { enabled: true });

  const samplePages = pagesOf(sampleDir);
  const hostilePages = pagesOf(hostileDir);
  check('sample site has pages', samplePages.length > 10, `${samplePages.length} pages in ${sampleDir}`);
  check('hostile site has pages', hostilePages.length > 10, `${hostilePages.length} pages in ${hostileDir}`);

  // ---- the sample site: the pages a person looks at ----

  await openPage(page, sampleDir, 'index.html');
  {
    const h1 = page.locator('h1').first();
    const heading = (await h1.count()) ? await h1.textContent() : '';
    check('sample home: the journal title is the visible heading',
      (await h1.isVisible()) && heading.includes('Alex Rivera'), `h1 is "${heading}"`);
    const follow = page.getByRole('heading', { name: 'Follow-ups', exact: true });
    check('sample home: the Follow-ups card is visible', await follow.first().isVisible(),
      'no visible "Follow-ups" heading');
    const heat = page.locator('svg.heatmap');
    const box = (await heat.count()) ? await heat.first().boundingBox() : null;
    check('sample home: the activity heatmap is drawn', !!box && box.width > 300 && box.height > 30,
      `heatmap box ${JSON.stringify(box)}`);
    const overdue = await page.locator('ul.items li').count();
    check('sample home: follow-up items are listed', overdue > 0, 'no item in ul.items');
  }

  await openPage(page, sampleDir, 'people/priya-nair.html');
  {
    const h1 = page.locator('h1').first();
    const heading = (await h1.count()) ? (await h1.textContent()).trim() : '';
    check('sample person page: "Priya Nair" is the visible heading',
      (await h1.isVisible()) && heading === 'Priya Nair', `h1 is "${heading}"`);
    const ego = page.locator('svg.ego');
    const box = (await ego.count()) ? await ego.first().boundingBox() : null;
    check('sample person page: the ego network is drawn', !!box && box.width > 100,
      `ego svg box ${JSON.stringify(box)}`);
    const timeline = await page.locator('article.meeting').count();
    check('sample person page: the timeline lists meetings', timeline > 0, 'no article.meeting');
  }

  // The people list: the script shows the filter; typing keeps the
  // matching rows and updates the count; sorting reorders.
  await openPage(page, sampleDir, 'people/index.html');
  {
    const filter = page.locator('#filter');
    check('people list: the script shows the filter box', (await filter.count()) === 1 && await filter.isVisible(),
      '#filter missing or still hidden');
    const rows = page.locator('table#people tbody tr');
    const total = await rows.count();
    const shown = async () => (await page.locator('#shown').textContent() || '').trim();
    check('people list: the count starts at every row', total > 10 && await shown() === String(total),
      `${total} rows, count says ${await shown()}`);
    for (const q of ['priya', 'Northwind', 'zzz-nobody']) {
      await filter.fill(q);
      const texts = await rows.evaluateAll((rs) => rs.map((r) => ({ text: r.textContent.toLowerCase(), hidden: r.hidden || getComputedStyle(r).display === 'none' })));
      const want = texts.filter((t) => t.text.includes(q.toLowerCase())).length;
      const visible = texts.filter((t) => !t.hidden);
      const wrong = visible.filter((t) => !t.text.includes(q.toLowerCase())).length;
      check(`people list: filter "${q}" keeps only matching rows`,
        visible.length === want && wrong === 0 && (q === 'zzz-nobody' ? want === 0 : want > 0 && want < total),
        `${visible.length} rows visible, ${want} match, ${wrong} visible rows do not match`);
      check(`people list: filter "${q}" updates the count`, await shown() === String(want),
        `count says ${await shown()}, ${want} rows match`);
    }
    await filter.fill('');
    const back = await rows.evaluateAll((rs) => rs.filter((r) => !r.hidden).length);
    check('people list: clearing the filter shows every row again', back === total && await shown() === String(total),
      `${back} of ${total} rows visible, count says ${await shown()}`);

    // Sort by strength, twice: descending then ascending or the reverse.
    const strengthHeader = page.locator('table#people thead th').filter({ hasText: 'Strength' }).locator('button');
    const strengths = () => rows.evaluateAll((rs) => rs.map((r) => parseFloat(r.cells[r.cells.length - 1].textContent) || 0));
    let sortedOk = false;
    let detail = 'no sort button in the Strength heading';
    if (await strengthHeader.count()) {
      await strengthHeader.click();
      const a = await strengths();
      await strengthHeader.click();
      const b = await strengths();
      const asc = (v) => v.every((x, i) => i === 0 || v[i - 1] <= x);
      const desc = (v) => v.every((x, i) => i === 0 || v[i - 1] >= x);
      sortedOk = (asc(a) && desc(b)) || (desc(a) && asc(b));
      detail = `after one click ${a.slice(0, 6)}..., after two ${b.slice(0, 6)}...`;
    }
    check('people list: clicking the Strength heading sorts the rows both ways', sortedOk, detail);
  }

  // Scripts off: the list is still whole and readable, the filter stays
  // hidden (it would do nothing).
  {
    const noscript = watch(await context.newPage());
    const c = await context.newCDPSession(noscript);
    await c.send('Emulation.setScriptExecutionDisabled', { value: true });
    await openPage(noscript, sampleDir, 'people/index.html');
    const rows = await noscript.locator('table#people tbody tr').count();
    const visibleRows = await noscript.locator('table#people tbody tr:visible').count();
    const filterHidden = !(await noscript.locator('#filter').isVisible());
    check('people list with scripts off: every row readable, no dead filter box',
      rows > 10 && visibleRows === rows && filterHidden,
      `${visibleRows} of ${rows} rows visible, filter ${filterHidden ? 'hidden' : 'shown'}`);
    await noscript.close();
  }

  // ---- the dashboard at real size (issue 17) ----

  // The home page: each group of follow-ups cut at 10, with a link to all
  // of it on followups.html, which lists every item the home page counts.
  await openPage(page, sampleDir, 'index.html');
  {
    const groups = await page.locator('section.follow-ups ul.items').evaluateAll((uls) => uls.map((u) => u.children.length));
    check('home: each group of follow-ups shows at most 10', groups.length > 1 && groups.every((n) => n <= 10),
      `items by group: ${groups.join(', ')}`);
    const all = page.locator('section.follow-ups p.more a[href="followups.html"]');
    const said = (await all.count()) ? parseInt((await all.textContent()).replace(/\D+/g, ''), 10) : -1;
    const cut = await page.locator('section.follow-ups p.more a[href^="followups.html#"]').count();
    check('home: a group cut short links to the rest on followups.html', cut > 0 && said > 0,
      `${cut} links to a group, "All N follow-ups" says ${said}`);
    const first = await page.locator('section.follow-ups h3.group').first().textContent();
    check('home: today comes first', first.trim() === 'Today', `the first group is "${first}"`);
    const from = await page.locator('section.follow-ups .meta').first().textContent();
    check('home: an item says where it comes from in words, not a path',
      /^from [^/]+, \d+ [A-Z][a-z]{2}/.test(from.trim()) && !from.includes('.md'), `"${from}"`);
    await openPage(page, sampleDir, 'followups.html');
    const listed = await page.locator('ul.items li').count();
    check('followups.html lists every follow-up the home page counts', listed === said,
      `${listed} items listed, the home page says ${said}`);
  }

  // A person's timeline: the lead of each meeting shown, the rest in a
  // <details> that opens in place (no script), the meeting's title once.
  await openPage(page, sampleDir, 'people/priya-nair.html');
  {
    const details = page.locator('article.meeting details');
    const n = await details.count();
    let detail = 'no <details> in the timeline';
    let ok = false;
    if (n > 0) {
      const d = details.first();
      const inside = d.locator(':scope > :not(summary)').first();
      const before = await inside.isVisible();
      await d.locator('summary').click();
      const after = await inside.isVisible();
      ok = !before && after;
      detail = `the rest is ${before ? 'shown' : 'hidden'} at first, ${after ? 'shown' : 'hidden'} after a click`;
    }
    check('person page: a meeting\'s notes open in place (<details>)', ok, detail);
    const titles = await page.locator('article.meeting').evaluateAll((as) => as.filter((a) => {
      const t = a.querySelector('h3').textContent.trim();
      return [...a.querySelectorAll('.note-body h1, .note-body h2, .note-body h3')].some((h) => h.textContent.trim() === t);
    }).length);
    check('person page: each meeting\'s title shows once', titles === 0, `${titles} meetings say their title twice`);
    const counts = await page.locator('p.counts').first().textContent();
    check('person page: the timeline counts the meetings, the first and the last',
      /\d+ meetings, the first on .*, the last on /.test(counts), `"${counts}"`);
  }

  // Every kind of page at 360 px: nothing wider than the screen (the
  // heatmap and tables scroll inside their boxes); the people list keeps
  // the name, next due date and strength in sight.
  const kinds = ['index.html', 'followups.html', 'people/index.html', 'graph.html',
    'people/priya-nair.html', 'companies/northwind-labs.html',
    samplePages.find((p) => p.startsWith('meetings/')), samplePages.find((p) => p.startsWith('notes/'))]
    .concat(['companies/index.html', 'meetings/index.html'].filter((p) => samplePages.includes(p)));
  {
    const phone = watch(await context.newPage());
    await phone.setViewportSize({ width: 360, height: 740 });
    const wide = [];
    for (const rel of kinds) {
      await openPage(phone, sampleDir, rel);
      const w = await phone.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      if (w[0] > w[1]) wide.push(`${rel}: ${w[0]} px in ${w[1]}`);
    }
    check('phone (360 px): no page scrolls sideways', wide.length === 0, wide.join('; '));
    await openPage(phone, sampleDir, 'people/index.html');
    const off = await phone.locator('table#people thead th').evaluateAll((ths) => ths
      .filter((th) => /Name|Next due|Strength/.test(th.textContent))
      .filter((th) => { const r = th.getBoundingClientRect(); return r.width === 0 || r.right > window.innerWidth; })
      .map((th) => th.textContent));
    check('phone (360 px): the people list shows name, next due and strength', off.length === 0,
      `out of sight: ${off.join(', ')}`);
    await openPage(phone, sampleDir, 'index.html');
    const cell = await phone.locator('svg.heatmap rect').first().boundingBox();
    check('phone (360 px): the heatmap keeps readable squares (it scrolls)', !!cell && cell.width >= 10,
      `a day is ${cell && cell.width} px wide`);
    await phone.close();
  }

  // axe-core on every kind of page, on a desktop and at 360 px: no
  // serious or critical finding.
  {
    const axe = fs.readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
    const phone = watch(await context.newPage());
    await phone.setViewportSize({ width: 360, height: 740 });
    for (const [label, tab] of [['desktop', page], ['360 px', phone]]) {
      const found = [];
      for (const rel of kinds) {
        await openPage(tab, sampleDir, rel);
        await tab.evaluate(axe);
        const r = await tab.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        for (const v of r.violations)
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(`${rel}: ${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes[0].target.join(' ')}`);
      }
      check(`axe-core (${label}): no serious or critical finding on ${kinds.length} kinds of page`,
        found.length === 0, found.join('; '));
    }
    await phone.close();
  }

  if (process.env.KITH_SHOTS) {
    const shots = path.resolve(process.env.KITH_SHOTS);
    fs.mkdirSync(shots, { recursive: true });
    const shot = await context.newPage();
    await shot.setViewportSize({ width: 1280, height: 900 });
    for (const [rel, name] of [['index.html', 'home.png'], ['people/priya-nair.html', 'person.png']]) {
      await shot.goto(url(sampleDir, rel), { waitUntil: 'load' });
      await shot.screenshot({ path: path.join(shots, name), fullPage: true });
    }
    await shot.close();
    console.log(`# screenshots in ${shots}`);
  }

  // ---- every page of both sites ----

  let kithScript = null;
  for (const [label, dir, pages] of [['sample', sampleDir, samplePages], ['hostile', hostileDir, hostilePages]]) {
    const bad = { load: [], console: [], errors: [], requests: [], csp: [], scripts: [], handlers: [], links: [], loaders: [], render: [], pwned: [], bare: [] };
    for (const rel of pages) {
      let resp;
      try {
        resp = await openPage(page, dir, rel);
      } catch (e) {
        bad.load.push(`${rel}: ${e.message.split('\n')[0]}`);
        continue;
      }
      if (resp && !resp.ok()) bad.load.push(`${rel}: status ${resp.status()}`);
      const f = await page.evaluate(domFacts);
      const after = label === 'hostile' ? await page.evaluate(provoke) : f;
      const text = await page.evaluate(() => document.scripts[0] ? document.scripts[0].text : null);
      // kith's script is on the people list only (it sorts and filters)
      const scripted = rel === 'people/index.html' ? 1 : 0;
      if (scripted && kithScript === null) kithScript = text;
      if (!f.cspFirst || !/default-src 'none'/.test(f.csp) || /unsafe-inline|unsafe-eval|https?:|\*/.test(f.csp))
        bad.csp.push(`${rel}: first head element ${f.cspFirst ? 'is' : 'is not'} the policy; policy "${f.csp}"`);
      if (f.scripts !== scripted || (scripted && text !== kithScript))
        bad.scripts.push(`${rel}: ${f.scripts} scripts${scripted && text !== kithScript ? ', not kith\'s own' : ''}`);
      if (f.handlers.length) bad.handlers.push(`${rel}: ${f.handlers.slice(0, 3).join(' ')}`);
      if (f.unsafeLinks.length) bad.links.push(`${rel}: ${f.unsafeLinks.slice(0, 3).join(' ')}`);
      if (f.loaders.length) bad.loaders.push(`${rel}: ${f.loaders.slice(0, 3).join(' ')}`);
      if (!f.styled) bad.render.push(`${rel}: kith's style sheet (site.css) not linked or not applied`);
      if (!f.h1Visible || f.bodyText < 100) bad.render.push(`${rel}: h1 "${f.h1}" ${f.h1Visible ? 'visible' : 'not visible'}, ${f.bodyText} characters of text`);
      if (f.pwned !== 'undefined' || after.pwned !== 'undefined' || f.title === 'PWNED' || after.title === 'PWNED')
        bad.pwned.push(`${rel}: window.__kith_pwned is ${after.pwned}, title "${after.title}"`);
      if (page.seen.console.length) bad.console.push(`${rel}: ${page.seen.console.slice(0, 2).join(' | ')}`);
      if (page.seen.errors.length) bad.errors.push(`${rel}: ${page.seen.errors.slice(0, 2).join(' | ')}`);
      if (page.seen.requests.length) bad.requests.push(`${rel}: ${page.seen.requests.slice(0, 3).join(' ')}`);

      if (label === 'hostile') {
        // The same page with the policy off: the escaping alone must hold.
        try {
          await openPage(bare, dir, rel);
          const b = await bare.evaluate(provoke);
          await bare.waitForTimeout(20);
          const b2 = await bare.evaluate(() => ({ pwned: typeof window.__kith_pwned, title: document.title }));
          if (b.pwned !== 'undefined' || b2.pwned !== 'undefined' || b2.title === 'PWNED' || bare.seen.errors.length)
            bare_fail(bad, rel, b2, bare.seen.errors);
          if (bare.seen.requests.length) bad.requests.push(`${rel} (policy off): ${bare.seen.requests.slice(0, 3).join(' ')}`);
        } catch (e) {
          bad.bare.push(`${rel}: ${e.message.split('\n')[0]}`);
        }
      }
    }
    const n = pages.length;
    const report = (list) => `${list.length} of ${n} pages: ${list.slice(0, 4).join('; ')}${list.length > 4 ? '; ...' : ''}`;
    check(`${label}: every page loads`, bad.load.length === 0, report(bad.load));
    check(`${label}: every page renders (kith's style sheet applied, a visible h1, text)`, bad.render.length === 0, report(bad.render));
    check(`${label}: no console error on any page`, bad.console.length === 0, report(bad.console));
    check(`${label}: no page error (uncaught exception) on any page`, bad.errors.length === 0, report(bad.errors));
    check(`${label}: no request other than file:// from any page`, bad.requests.length === 0, report(bad.requests));
    check(`${label}: the Content-Security-Policy is the first head element and forbids the network`, bad.csp.length === 0, report(bad.csp));
    check(`${label}: kith's own script on the people list, none elsewhere`, bad.scripts.length === 0, report(bad.scripts));
    check(`${label}: no event-handler attribute in the DOM`, bad.handlers.length === 0, report(bad.handlers));
    check(`${label}: every href/src resolves to file, http(s), mailto or tel`, bad.links.length === 0, report(bad.links));
    check(`${label}: no element that loads or embeds anything (img, iframe, object, base, form...)`, bad.loaders.length === 0, report(bad.loaders));
    check(`${label}: window.__kith_pwned unset and title not PWNED on every page`, bad.pwned.length === 0, report(bad.pwned));
    if (label === 'hostile')
      check('hostile: with the page policy switched off, still nothing runs', bad.bare.length === 0, report(bad.bare));
  }
  check('no request other than file:// in the whole run, from any tab', offsite.length === 0,
    `${offsite.length} requests: ${offsite.slice(0, 5).join(' ')}`);
} catch (e) {
  check('the browser run', false, e && e.stack || String(e));
} finally {
  if (context) await context.close().catch(() => {});
  fs.rmSync(profile, { recursive: true, force: true });
}

function bare_fail(bad, rel, b, errors) {
  bad.bare.push(`${rel}: window.__kith_pwned is ${b.pwned}, title "${b.title}"${errors.length ? `, page errors: ${errors.slice(0, 2).join(' | ')}` : ''}`);
}

console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
