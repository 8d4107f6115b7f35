#!/usr/bin/env python3
"""`mep bearbeiten` in a real browser, as a school administrator would use it.

Starts the editor on a plan file that does not exist yet, picks Land and Schulform on the first
page, and fills in the school data, two goals, three needs (one without a price, one with an
unknown count), an unknown number of classes (`unbekannt`), the financing, two measures and a training plan, by keyboard (typing, Tab, Enter, Ctrl+S) and
by mouse (buttons, selects, checkboxes), until the plan has no error and only the warnings
expected below. Then it saves with Ctrl+S, compares the YAML with tests/browser/expected.yaml
(the skeleton's comments must still be there), exports the PDF and checks it.

On every page axe-core must report no WCAG 2.1 A/AA violation. The time from an input event to
the updated findings is read from the page's Performance API (`eingabe-befunde` measures) and
printed, with the time of the first page and the server's memory; none of them is asserted.

Run through .ci/browser-test, which installs what this needs.
"""

import argparse
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
EXPECTED = ROOT / "tests" / "browser" / "expected.yaml"
# 2026-10-15 00:00 UTC: the skeleton's `stand` and the PDF's date are fixed.
EPOCH = "1792022400"
# The warnings the finished plan still has, by code: the test's plan is complete but small
# (no costs priced for one need, no Datenschutzbeauftragte named, no training per area, ...).
# A change of rules that changes this list must change it here, knowingly.
EXPECTED_WARNINGS = [
    "DP-BEGRUENDUNG",
    "DP-BETRIEB-SUPPORT",
    "DP-EINSATZSZENARIO",
    "DP-FORTBILDUNG-ABDECKUNG",
    "DP-KOSTEN-OFFEN",
    "DS-DSB",
    "PLAN-UNBEKANNT",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Failure(Exception):
    pass


def is_stale(element):
    """Whether the element belongs to a page that has been replaced."""
    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as e:
        # While the old page is being torn down, chromedriver may answer for a detached node
        # with an inspector error instead of a stale reference: the page is replaced all the same.
        if "does not belong to the document" in str(e):
            return True
        raise
    return False


def check(condition, message):
    if not condition:
        raise Failure(message)


class Editor:
    """The `mep bearbeiten` process and a browser on it."""

    def __init__(self, args, workdir):
        self.args = args
        self.plan = workdir / "plan.yaml"
        env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
        self.proc = subprocess.Popen(
            [args.mep, "bearbeiten", "--kein-browser", str(self.plan)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        line = self.proc.stdout.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/anmelden\?token=[0-9a-f]+)", line)
        check(m, f"no start address on standard output: {line!r}")
        self.url = m.group(1)
        self.origin = self.url.split("/anmelden")[0]
        options = webdriver.ChromeOptions()
        options.binary_location = args.chromium
        for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=de-DE"]:
            options.add_argument(a)
        self.driver = webdriver.Chrome(service=Service(executable_path=args.chromedriver), options=options)
        self.driver.set_page_load_timeout(60)
        self.axe = pathlib.Path(args.axe).read_text(encoding="utf-8")
        self.checked_pages = []
        self.latencies = []
        self.shots = ROOT / "target" / "browser-test" if os.environ.get("MEP_SHOW") else None

    def close(self):
        try:
            self.driver.quit()
        finally:
            self.proc.send_signal(2)  # Ctrl-C
            try:
                out, err = self.proc.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                out, err = self.proc.communicate()
            self.stderr = err

    # --- waiting -------------------------------------------------------------------------------

    def wait(self, condition, what, timeout=20):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.02).until(lambda d: condition())
        except Exception as e:  # noqa: BLE001 - turned into a readable failure
            cause = f"{type(e).__name__}: {e}".strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise Failure(f"timed out waiting for {what} on {self.driver.current_url} ({cause})") from e

    def idle(self):
        """Waits until the page script has sent every change and shown the answer."""
        self.wait(lambda: self.driver.execute_script("return document.body.getAttribute('data-arbeitet')") in (None, "nein"), "the findings")

    def loaded(self, path_prefix):
        self.wait(lambda: self.driver.current_url.split(self.origin, 1)[-1].startswith(path_prefix) and self.driver.execute_script("return document.readyState") == "complete", f"page {path_prefix}")

    # --- pages ---------------------------------------------------------------------------------

    def open(self, path):
        self.driver.get(self.origin + path)
        self.loaded(path.split("?")[0])

    def audit(self, name):
        """axe-core on the current page: no WCAG 2.1 A/AA violation."""
        self.driver.execute_script(self.axe)
        result = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.help + ' @ ' + v.nodes.map(function (n) { return n.target.join(' '); }).slice(0, 3).join(', '); })); })"
            ".catch(function (e) { done(['axe failed: ' + e]); });",
            AXE_TAGS,
        )
        check(result == [], f"axe-core on {name}: {result}")
        self.checked_pages.append(name)
        if self.shots:
            self.shots.mkdir(parents=True, exist_ok=True)
            self.driver.save_screenshot(str(self.shots / f"{len(self.checked_pages):02d}-{name.strip('/').replace('/', '-') or 'start'}.png"))

    def el(self, element_id):
        e = self.driver.find_element(By.ID, element_id)
        # The header is sticky: keep the element in the middle so that a click reaches it.
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", e)
        return e

    def status(self):
        return self.el("status").text

    def collect_latencies(self):
        got = self.driver.execute_script("return performance.getEntriesByName('eingabe-befunde').map(function (e) { return e.duration; })")
        self.latencies.extend(got or [])

    def go(self, page):
        """Follows the navigation link to a section (by mouse)."""
        self.collect_latencies()
        link = self.driver.find_element(By.CSS_SELECTOR, f"nav a[href='/seite/{page}']")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()
        self.loaded(f"/seite/{page}")

    # --- typing --------------------------------------------------------------------------------

    def type(self, element_id, text, clear=True):
        """Types into a field by keyboard: select all, then the text."""
        e = self.el(element_id)
        e.click()
        if clear:
            e.send_keys(Keys.CONTROL, "a")
            e.send_keys(Keys.DELETE)
        e.send_keys(text)
        self.idle()

    def choose(self, element_id, value):
        """Picks an option of a select (by mouse)."""
        Select(self.el(element_id)).select_by_value(value)
        self.idle()

    def tick(self, element_id):
        box = self.el(element_id)
        if not box.is_selected():
            box.click()
        self.idle()

    def tick_value(self, name, value):
        box = self.driver.find_element(By.CSS_SELECTOR, f"input[type=checkbox][name='{name}'][value='{value}']")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        if not box.is_selected():
            box.click()
        self.idle()

    def add(self, list_id):
        """Adds a list entry with the keyboard: focus the button, press Enter."""
        self.collect_latencies()
        button = self.el(f"{list_id}-neu")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.send_keys(Keys.ENTER)
        # The page is replaced: wait until the old button is gone (the URL may have had a
        # `fokus=` already from the entry added before), then for the new page.
        self.wait(lambda: is_stale(button), "the new entry")
        self.wait(lambda: "fokus=" in self.driver.current_url, "the new entry")
        self.loaded("/seite/")

    def findings_at(self, element_id):
        return self.el(f"b-{element_id}").text


def fill_plan(e):
    d = e.driver
    # First page: the file does not exist yet.
    d.get(e.url)
    e.loaded("/neu")
    e.audit("/neu")
    # Land by keyboard (type-ahead in the focused select), Schulform by mouse.
    land = e.el("land")
    land.click()
    Select(land).select_by_value("BW")
    Select(e.el("schulform")).select_by_value("grundschule")
    Select(e.el("programm")).select_by_value("digitalpakt-2")
    d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    e.loaded("/seite/allgemein")
    check("Ungespeicherte Änderungen" in e.status(), f"a new plan is unsaved: {e.status()}")
    e.audit("/seite/allgemein")

    # School data.
    e.go("schule")
    e.type("f-schule-name", "Grundschule am Lindenplatz")
    check("Grundschule am Lindenplatz" not in e.findings_at("f-schule-name"), "no finding repeats the name")
    e.type("f-schule-schulnummer", "04711")
    e.type("f-schule-schueler", "212")
    e.type("f-schule-lehrkraefte", "16")
    # Keyboard only: Tab from one field to the next.
    e.el("f-schule-lehrkraefte").send_keys(Keys.TAB)
    e.type("f-schule-unterrichtsraeume", "10")
    # The number of classes is not known yet: `unbekannt`.
    e.tick_value("schule.klassen", "unbekannt")
    e.audit("/seite/schule")

    e.go("schultraeger")
    e.type("f-schultraeger-name", "Gemeinde Lindenau")
    e.audit("/seite/schultraeger")

    # Two goals.
    e.go("ziele")
    e.add("f-ziele")
    e.choose("f-ziele-0-dimension", "unterricht")
    e.type("f-ziele-0-beschreibung", "Digitale Medien werden in allen Fächern genutzt.")
    e.type("f-ziele-0-indikator", "Anteil der Fächer mit Medienbausteinen")
    e.type("f-ziele-0-ausgangswert", "20 %")
    e.type("f-ziele-0-zielwert", "100 %")
    e.type("f-ziele-0-termin", "2028-07-31")
    e.add("f-ziele")
    e.choose("f-ziele-1-dimension", "technik")
    e.type("f-ziele-1-beschreibung", "WLAN in allen Unterrichtsräumen.")
    e.type("f-ziele-1-indikator", "Räume mit WLAN")
    e.type("f-ziele-1-ausgangswert", "2")
    e.type("f-ziele-1-zielwert", "10")
    e.type("f-ziele-1-termin", "2027-07-31")
    e.audit("/seite/ziele")

    # Three needs: one priced, one without a price, one whose count is not known yet.
    e.go("bedarf")
    e.add("f-bedarf")
    e.type("f-bedarf-0-bezeichnung", "WLAN-Access-Points")
    e.choose("f-bedarf-0-kategorie", "wlan")
    e.choose("f-bedarf-0-geraetetyp", "access_point")
    e.type("f-bedarf-0-anzahl", "10")
    e.type("f-bedarf-0-einzelpreis_eur", "480,50")
    e.type("f-bedarf-0-jahr", "2027")
    e.add("f-bedarf")
    e.type("f-bedarf-1-bezeichnung", "Interaktive Displays")
    e.choose("f-bedarf-1-kategorie", "anzeige_interaktion")
    e.choose("f-bedarf-1-geraetetyp", "display")
    e.type("f-bedarf-1-anzahl", "10")
    e.type("f-bedarf-1-jahr", "2027")
    e.add("f-bedarf")
    e.type("f-bedarf-2-bezeichnung", "Tablets für die Klassen 3 und 4")
    e.choose("f-bedarf-2-kategorie", "mobile_endgeraete")
    e.choose("f-bedarf-2-geraetetyp", "tablet")
    e.tick_value("bedarf[2].anzahl", "unbekannt")
    e.type("f-bedarf-2-einzelpreis_eur", "400")
    e.type("f-bedarf-2-jahr", "2028")
    e.audit("/seite/bedarf")

    # Financing of the DigitalPakt items with a known cost (B1: 4.805 €): the sum must match them.
    e.go("allgemein")
    e.type("f-finanzierung-beantragt_eur", "3363,50")
    e.type("f-finanzierung-eigenanteil_eur", "1441,50")
    e.type("f-finanzierung-sonstige_mittel_eur", "0")
    e.audit("/seite/allgemein")

    # Two measures, with goals and needs picked from the existing ids.
    e.go("massnahmen")
    e.add("f-massnahmen")
    e.type("f-massnahmen-0-titel", "WLAN-Ausbau")
    e.tick_value("massnahmen[0].ziele", "Z2")
    e.tick_value("massnahmen[0].bedarf", "B1")
    e.type("f-massnahmen-0-verantwortlich", "Schulträger")
    e.type("f-massnahmen-0-beginn", "2027-01-01")
    e.type("f-massnahmen-0-ende", "2027-03-31")
    e.add("f-massnahmen")
    e.type("f-massnahmen-1-titel", "Displays und Tablets einführen")
    e.tick_value("massnahmen[1].ziele", "Z1")
    e.tick_value("massnahmen[1].bedarf", "B2")
    e.tick_value("massnahmen[1].bedarf", "B3")
    e.type("f-massnahmen-1-verantwortlich", "Schulleitung")
    e.type("f-massnahmen-1-beginn", "2027-04-01")
    e.type("f-massnahmen-1-ende", "2028-07-31")
    # Move the second measure up and back down again (keyboard), as a person reorders a list.
    up = e.el("f-massnahmen-1-hoch")
    up.send_keys(Keys.ENTER)
    # The page before already had a `fokus=` (the added entry): wait for this move's own focus.
    e.wait(lambda: "fokus=f-massnahmen-0-runter" in d.current_url, "the moved entry")
    e.loaded("/seite/massnahmen")
    check(e.el("f-massnahmen-0-titel").get_attribute("value") == "Displays und Tablets einführen", "moved up")
    active = d.switch_to.active_element
    check(active.get_attribute("id") == "f-massnahmen-0-runter", f"focus follows the moved entry: {active.get_attribute('id')} {active.tag_name} at {d.current_url}")
    d.switch_to.active_element.send_keys(Keys.ENTER)
    e.wait(lambda: "fokus=f-massnahmen-1-hoch" in d.current_url, "the entry moved back")
    e.loaded("/seite/massnahmen")
    check(e.el("f-massnahmen-0-titel").get_attribute("value") == "WLAN-Ausbau", "moved back")
    e.audit("/seite/massnahmen")

    # A training plan.
    e.go("fortbildung")
    e.add("f-fortbildung")
    e.type("f-fortbildung-0-titel", "Einführung in die interaktiven Displays")
    e.choose("f-fortbildung-0-zielgruppe", "alle_lehrkraefte")
    e.type("f-fortbildung-0-teilnehmende", "16")
    e.type("f-fortbildung-0-stunden", "3")
    e.choose("f-fortbildung-0-format", "schilf")
    e.type("f-fortbildung-0-zeitraum", "2027-Q2")
    e.tick_value("fortbildung[0].bedarf", "B2")
    e.audit("/seite/fortbildung")


def finish(e):
    d = e.driver
    e.collect_latencies()
    summary = e.status()
    print(f"status: {summary}")
    check(re.search(r"\b0 Fehler|keine Fehler", summary), f"the plan has no errors: {summary}")
    # The summary page lists the remaining findings with links to their fields.
    e.open("/befunde")
    e.audit("/befunde")
    # Codes have a family prefix (`DP-…`); bracketed item ids (`[B3]`) do not.
    codes = sorted(set(re.findall(r"\[([A-Z]+-[A-Z0-9-]+)\]", d.find_element(By.ID, "inhalt").text)))
    print(f"remaining findings: {codes}")
    check(codes == EXPECTED_WARNINGS, f"expected warnings {EXPECTED_WARNINGS}, got {codes}")
    # Ctrl+S saves.
    e.go("fortbildung")
    d.find_element(By.TAG_NAME, "body").send_keys(Keys.CONTROL, "s")
    e.wait(lambda: "Alle Änderungen gespeichert" in e.status(), "the save")
    saved = e.plan.read_text(encoding="utf-8")
    for comment in ["# Medienentwicklungsplan – Vorlage von `mep anlegen`", "# Stammdaten der Schule", "# Version des Eingabeformats. Immer 1."]:
        check(comment in saved, f"the skeleton's comment {comment!r} survived")
    if os.environ.get("MEP_UPDATE"):
        EXPECTED.write_text(saved, encoding="utf-8")
    want = EXPECTED.read_text(encoding="utf-8") if EXPECTED.exists() else ""
    if saved != want:
        sys.stdout.writelines(__import__("difflib").unified_diff(want.splitlines(True), saved.splitlines(True), "expected.yaml", "saved plan.yaml"))
        raise Failure("the saved plan differs from tests/browser/expected.yaml (MEP_UPDATE=1 rewrites it; review the diff)")
    # The other pages.
    for path in ["/vorschau", "/vorschau?kapitel=2", "/quelltext", "/regel/YAML-SYNTAX"]:
        e.open(path)
        e.audit(path)
    for page in [a.get_attribute("href").split(e.origin)[-1] for a in d.find_elements(By.CSS_SELECTOR, "nav a[href^='/seite/']")]:
        if page not in e.checked_pages:
            e.open(page)
            e.audit(page)
    # PDF export through the button.
    e.go("allgemein")
    d.find_element(By.CSS_SELECTOR, "button[formaction='/export/pdf']").click()
    e.wait(lambda: "plan.pdf" in (d.find_element(By.ID, "meldung").text if d.find_elements(By.ID, "meldung") else ""), "the PDF", timeout=180)
    pdf = e.plan.with_suffix(".pdf")
    check(pdf.read_bytes().startswith(b"%PDF-"), "plan.pdf is a PDF")
    print(f"export: {d.find_element(By.ID, 'meldung').text}")


def memory_kib(pid):
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mep", required=True)
    p.add_argument("--axe", required=True)
    p.add_argument("--chromium", required=True)
    p.add_argument("--chromedriver", required=True)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        e = Editor(args, pathlib.Path(tmp))
        try:
            t0 = time.perf_counter()
            fill_plan(e)
            first = e.driver.execute_script("var n = performance.getEntriesByType('navigation')[0]; return n ? n.responseEnd - n.requestStart : null")
            finish(e)
            peak = memory_kib(e.proc.pid)
        except Exception as f:  # noqa: BLE001 - any failure: screenshot, server output, verdict
            print(f"FAILED: {f}")
            try:
                for entry in e.driver.get_log("browser"):
                    print(f"browser console: {entry.get('level')} {entry.get('message')}")
            except Exception:  # noqa: BLE001 - the log is a help, not a verdict
                pass
            if e.shots is None:
                shot = ROOT / "target" / "browser-test-failure.png"
                shot.parent.mkdir(parents=True, exist_ok=True)
                e.driver.save_screenshot(str(shot))
                print(f"screenshot: {shot}")
            e.close()
            print(e.stderr)
            print("0 passed, 1 failed")
            return 1
        e.close()
        lat = sorted(e.latencies)
        print(f"pages checked with axe-core {AXE_TAGS}: {len(e.checked_pages)} ({', '.join(e.checked_pages)})")
        if lat:
            print(
                "input → findings in the page (Performance API, ms): "
                f"n={len(lat)} median={statistics.median(lat):.1f} p90={lat[int(len(lat) * 0.9)]:.1f} max={lat[-1]:.1f}"
            )
        print(f"time from start to the filled plan: {time.perf_counter() - t0:.1f} s (whole run {time.perf_counter() - started:.1f} s)")
        if first is not None:
            print(f"last page load (request → response end): {first:.1f} ms")
        if peak is not None:
            print(f"server peak memory (VmHWM): {peak / 1024:.1f} MiB")
        print("1 passed, 0 failed")
        return 0


if __name__ == "__main__":
    sys.exit(main())
