"""The reading edition in a real browser: Debian's headless Chromium driven by Playwright,
with axe-core for accessibility. Skipped where /usr/bin/chromium is not installed."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    p = context.new_page()
    yield p
    context.close()


def url(out: Path, name: str) -> str:
    return (out / name).as_uri()


def test_a_note_call_opens_the_note_under_the_text(sample_out, page):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url(sample_out, "sample.html"))
    page.click("#ref-n1")
    pop = page.locator("#pop-n1")
    assert pop.is_visible()
    assert "alphanote" in pop.inner_text()
    page.keyboard.press("Escape")
    assert page.locator("#pop-n1").count() == 0
    assert page.evaluate("document.activeElement.id") == "ref-n1"
    assert errors == []


def test_notes_are_reachable_without_javascript(sample_out, browser):
    context = browser.new_context(java_script_enabled=False)
    p = context.new_page()
    p.goto(url(sample_out, "sample.html"))
    p.click("#ref-n1")
    assert p.url.endswith("#n1")
    assert p.evaluate("getComputedStyle(document.getElementById('n1')).backgroundColor") \
        != "rgba(0, 0, 0, 0)"  # :target highlight
    p.click("#n1 .fn-back")
    assert p.url.endswith("#ref-n1")
    context.close()


def test_entity_card_shows_on_keyboard_focus_and_hover(sample_out, page):
    page.goto(url(sample_out, "sample.html"))
    tito = page.locator("a.persons", has_text="Tito").first
    card = page.locator("#" + tito.get_attribute("aria-describedby"))
    assert not card.is_visible()
    tito.focus()
    assert card.is_visible()
    assert "1892" in card.inner_text() and "Јосип Броз Тито" in card.inner_text()
    page.keyboard.press("Escape")
    assert not card.is_visible()
    belgrade = page.locator("a.places", has_text="Belgrade")
    belgrade.hover()
    assert page.locator("#" + belgrade.get_attribute("aria-describedby")).is_visible()


def test_index_back_link_leads_to_the_occurrence(sample_out, page):
    page.goto(url(sample_out, "sample.persons.html"))
    link = page.locator("#djilas .occ a").first
    target = link.get_attribute("href")
    link.click()
    assert page.url.endswith(target)
    assert page.evaluate("document.querySelector(':target').textContent") == "Đilas"
    assert page.locator("#" + target.split("#")[1]).is_visible()


def test_line_view_toggle_shows_printed_lines(sample_out, page):
    page.goto(url(sample_out, "sample.html"))
    first, second = page.locator(".lb[data-n='5']"), page.locator(".lb[data-n='6']")
    assert not second.is_visible()
    page.check("#show-lines")
    assert second.is_visible()
    # the printed line 6 starts below line 5, after the hyphen the source printed
    assert second.bounding_box()["y"] > first.bounding_box()["y"]
    hyphen = page.evaluate("getComputedStyle(document.querySelector(\".lb[data-n='6']\"),"
                           " '::before').content")
    assert hyphen.startswith('"-')


def test_in_the_line_view_a_page_marker_stands_above_the_whole_line(tmp_path, page):
    from test_generic import write_tei

    from teiedit.render import render

    path = write_tei(tmp_path, "lines", (
        "<text><body><p><lb n='1'/>broken in Europe<pb n='2' break='no'/>"
        "<lb n='1' break='no' rend='hyphen'/>an parties\n<lb n='2'/>ends.<pb n='3'/>\n"
        "<lb n='1'/>Third page</p></body></text>"))
    render(path, {"html"}, tmp_path / "o")
    page.goto(url(tmp_path / "o", "lines.html"))
    assert page.locator("#p2").is_visible()  # reading view: the marker after the word
    page.check("#show-lines")
    tops = page.evaluate("""() => [...document.querySelectorAll('article p')[0].childNodes]
        .filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => {
          const r = document.createRange(); r.selectNodeContents(n);
          return [n.textContent.trim(), Math.round(r.getBoundingClientRect().top)]; })""")
    top = dict(tops)
    assert top["an"] == top["parties"]  # the page's first line is not split by its marker
    for n, first in (("2", "an"), ("3", "Third page")):
        marker = page.locator(f".page-line[data-page='[p. {n}]']")
        box = marker.bounding_box()
        assert box["height"] > 5 and box["y"] + box["height"] <= top[first]
        assert page.locator(f"#p{n}").bounding_box()["height"] <= 1  # in place, out of sight


def test_screenshot_artifact(bundled_out, page, artifacts):
    page.goto(url(bundled_out, "miletic.html"))
    page.click("a.noteref >> nth=1")
    shot = artifacts / "miletic-html.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("name", ["sample.html", "sample.persons.html", "sample.chronology.html"])
def test_no_serious_accessibility_violations(sample_out, page, name):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(url(sample_out, name))
    result = Axe().run(page)
    serious = [(v["id"], v["help"], [n["target"] for n in v["nodes"]])
               for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_bundled_edition_has_no_serious_accessibility_violations(bundled_out, page):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(url(bundled_out, "miletic.html"))
    result = Axe().run(page)
    serious = [(v["id"], v["help"]) for v in result.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []


def used_fonts(page, selector: str) -> set[str]:
    """The font families Chromium drew the first `selector` element's text with (its own
    record, through the DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return {f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode",
                                              {"nodeId": node})["fonts"]}


def test_latin_and_cyrillic_use_one_font_family(sample_out, page):
    """Chromium's own record of the fonts it drew the text with (DevTools protocol)."""
    page.goto(url(sample_out, "sample.html"))
    assert used_fonts(page, ".type-summary .type-text p") == {"DejaVu Serif"}  # Cyrillic
    assert used_fonts(page, "#sec1-body p") == {"DejaVu Serif"}  # Latin with diacritics


def test_ethiopic_is_drawn_with_an_ethiopic_font(corpus_html, page):
    """Ge'ez text (Beta maṣāḥǝft) in Abyssinica SIL (scripts/install.sh), not as boxes."""
    folder = corpus_html("betamasaheft-DSEthiop11.xml")
    page.goto(url(folder, "betamasaheft-DSEthiop11.html"))
    fonts = used_fonts(page, "[lang='gez']")
    assert "Abyssinica SIL" in fonts and fonts <= {"Abyssinica SIL", "DejaVu Serif"}  # spaces


@pytest.fixture
def phone(browser):
    """A phone: 390 px wide, touch screen, no hover."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=1)
    p = context.new_page()
    yield p
    context.close()


def page_width(p) -> int:
    return p.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("name", ["miletic.html", "miletic.chronology.html",
                                  "miletic.persons.html"])
def test_nothing_is_wider_than_a_phone(bundled_out, phone, name):
    phone.goto(url(bundled_out, name))
    assert page_width(phone) <= 390


def test_a_card_stays_on_a_phone_screen(bundled_out, phone):
    phone.goto(url(bundled_out, "miletic.html"))
    names = phone.locator("span.ent > a")
    for i in range(0, names.count(), 25):
        name = names.nth(i)
        name.scroll_into_view_if_needed()
        name.focus()
        card = phone.locator("#" + name.get_attribute("aria-describedby"))
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, name.inner_text()


def test_a_tap_on_a_name_shows_its_card_and_a_second_tap_follows_it(bundled_out, phone):
    phone.goto(url(bundled_out, "miletic.html"))
    name = phone.locator("span.ent > a").nth(3)
    card = phone.locator("#" + name.get_attribute("aria-describedby"))
    name.tap()
    assert phone.url.endswith("miletic.html")
    assert card.is_visible()
    phone.locator("h1").first.tap()
    assert not card.is_visible()
    name.tap()
    name.tap()
    phone.wait_for_url("**/miletic.*.html#*")


def tab_stops(p) -> int:
    return p.evaluate("""Array.from(document.querySelectorAll(
        'a[href], input, button, summary, [tabindex]'))
        .filter(e => e.tabIndex >= 0 && e.getClientRects().length).length""")


def test_names_are_one_tab_stop_per_paragraph(bundled_out, page):
    page.goto(url(bundled_out, "miletic.html"))
    names = page.locator("main span.ent > a").count()
    stops = tab_stops(page)
    assert stops < names / 2, (stops, names)
    first = page.locator("main p span.ent > a[tabindex='0']").first
    first.focus()
    page.keyboard.press("ArrowRight")
    focused = page.evaluate("document.activeElement.closest('p') === "
                            "document.querySelector(\"main p span.ent > a[tabindex='0']\")"
                            ".closest('p')")
    assert focused and page.evaluate("document.activeElement.tabIndex") == 0


def test_search_lists_passages_and_leads_to_them(bundled_out, page):
    page.goto(url(bundled_out, "miletic.html"))
    page.fill("#search-q", "belgian socialists")
    results = page.locator("#search-results a")
    assert results.count() > 3
    assert "Belgian Socialists" in results.first.inner_text()
    href = results.first.get_attribute("href")
    results.first.click()
    assert page.url.endswith(href)
    page.fill("#search-q", "milovan dilas")  # diacritics and case ignored (Đ is a letter)
    page.fill("#search-q", "thereisnosuchword")
    assert results.count() == 0
    assert page.locator("#search-status").inner_text() == "No passage contains this."


def test_name_highlighting_can_be_switched_off(bundled_out, page):
    page.goto(url(bundled_out, "miletic.html"))
    name = page.locator("main span.ent > a").first
    style = "e => getComputedStyle(e).textDecorationLine"
    assert name.evaluate(style) == "underline"
    page.uncheck("#hl-names")
    assert name.evaluate(style) == "none"
    assert name.evaluate("e => getComputedStyle(e).color") == \
        name.evaluate("e => getComputedStyle(e.closest('p')).color")


def test_printing_the_page_leaves_out_the_screen_controls(bundled_out, page):
    page.goto(url(bundled_out, "miletic.html"))
    page.emulate_media(media="print")
    for selector in ("header.site", "form.search", "label[for='show-lines']", "nav.toc"):
        assert not page.locator(selector).is_visible(), selector
    assert page.locator("#notes").is_visible()
