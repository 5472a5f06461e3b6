"""Meedoen in a real browser: each role's main journeys in headless Chromium, with axe-core
(WCAG 2.0/2.1 A and AA) on every page visited, and the checks axe cannot make: skip link and
keyboard focus, heading order, errors tied to their fields, text at 200% zoom. Screenshots of
each page go to ./screenshots. Run by scripts/test after the Swift tests."""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from pathlib import Path

import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
PASSWORD = "Meedoen-demo-2026!"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

results = {"passed": 0, "failed": 0}
failures = []
pages_checked = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The real app on a throwaway SQLite file, demo data loaded at start."""

    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="meedoen-browser-")
        # The demo set-up: no second factor (its flow is covered by the Swift tests).
        env = dict(os.environ, MEEDOEN_SQLITE_PATH=f"{self.dir}/meedoen.sqlite", LOG_LEVEL="warning", MEEDOEN_2FA="off",
                   MEEDOEN_DEMO="1")
        env.pop("DATABASE_URL", None)
        binary = ROOT / ".build" / "debug" / "meedoen"
        self.process = subprocess.Popen(
            [str(binary), "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except Exception:
                time.sleep(0.5)
        raise RuntimeError("server did not start")

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=20)
        shutil.rmtree(self.dir, ignore_errors=True)


def new_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=nl-NL"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def check(name, condition, detail=""):
    if condition:
        results["passed"] += 1
    else:
        results["failed"] += 1
        failures.append(f"{name}: {detail}")
        print(f"FAIL {name}: {detail}")


def audit_page(driver, name):
    """axe on the page as it is now, the checks axe cannot make, and a screenshot."""
    pages_checked.append(name)
    driver.save_screenshot(str(SHOTS / f"{len(pages_checked):02d}-{re.sub(r'[^a-z0-9]+', '-', name.lower())}.png"))
    driver.execute_script(AXE)
    report = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(r => done(r.violations.map("
        "v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));",
        WCAG_TAGS)
    check(f"axe {name}", report == [], json.dumps(report, ensure_ascii=False))
    headings = driver.execute_script("return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter(h => h.offsetParent !== null || h.closest('.visually-hidden')).map(h => +h.tagName[1]);")
    check(f"one h1 on {name}", headings.count(1) == 1, str(headings))
    skipped = [b for a, b in zip(headings, headings[1:]) if b > a + 1]
    check(f"heading levels in order on {name}", not skipped, str(headings))
    unheaded = driver.execute_script("return [...document.querySelectorAll('table')].filter(t => !t.querySelector('th')).length;")
    check(f"tables have headers on {name}", unheaded == 0, f"{unheaded} table(s) without th")
    invalid = driver.execute_script(
        "return [...document.querySelectorAll('[aria-invalid=true]')].filter(f => !(f.getAttribute('aria-describedby') || '').split(' ')"
        ".some(id => { const e = document.getElementById(id); return e && e.classList.contains('field-error'); })).map(f => f.id);")
    check(f"errors tied to their fields on {name}", invalid == [], str(invalid))
    lang = driver.execute_script("return document.documentElement.lang;")
    check(f"Dutch page language on {name}", lang == "nl", lang)


def navigating(driver, action):
    """Runs an action that loads a new page and waits until the new document has loaded: the old
    one carries a marker that a fresh document does not have."""
    driver.execute_script("window.__oldPage = true;")
    action()

    def loaded(d):
        try:
            return d.execute_script("return window.__oldPage === undefined && document.readyState === 'complete';")
        except Exception:
            return False  # between documents
    WebDriverWait(driver, 15).until(loaded)


def log_in(driver, base, username):
    driver.delete_all_cookies()
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(driver)


def submit(driver, form_selector="form.form"):
    button = driver.find_element(By.CSS_SELECTOR, f"{form_selector} button[type=submit]")
    navigating(driver, button.click)


def follow(driver, link_text):
    link = driver.find_element(By.LINK_TEXT, link_text)
    navigating(driver, link.click)


def selena(driver, base):
    """Signs in as Selena's case manager and returns her household's and her client page's address."""
    log_in(driver, base, "km1.steenwijkerland")
    search = driver.find_element(By.ID, "q")
    search.send_keys("Selena")
    navigating(driver, lambda: search.send_keys(Keys.ENTER))
    follow(driver, "Smit, Selena")
    household_url = driver.current_url
    return household_url, driver.find_element(By.LINK_TEXT, "Selena Smit").get_attribute("href")


def journey_log_in(driver, base):
    """Log-in, wrong password first."""
    driver.get(base + "/login")
    audit_page(driver, "inloggen")
    driver.find_element(By.ID, "username").send_keys("km1.steenwijkerland")
    driver.find_element(By.ID, "password").send_keys("verkeerd-wachtwoord")
    submit(driver)
    check("wrong password explained in Dutch", "kennen wij niet" in driver.page_source)
    audit_page(driver, "inloggen mislukt")



def journey_caseload(driver, base):
    """Case manager: caseload, keyboard, search, household, client."""
    log_in(driver, base, "km1.steenwijkerland")
    check("case manager lands on the caseload", driver.current_url.endswith("/caseload"), driver.current_url)
    audit_page(driver, "mijn caseload")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    check("first Tab reaches the skip link", "skip-link" in (active.get_attribute("class") or ""), active.get_attribute("outerHTML")[:120])
    outline = driver.execute_script("const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;")
    check("focus is visible", not outline.startswith("none"), outline)
    active.send_keys(Keys.ENTER)
    focused = driver.execute_script("return document.activeElement.id;")
    check("skip link moves to the content", driver.current_url.endswith("#inhoud") and focused == "inhoud", f"{driver.current_url} focus on {focused}")

    search = driver.find_element(By.ID, "q")
    search.send_keys("Selena")
    navigating(driver, lambda: search.send_keys(Keys.ENTER))
    check("search by name finds Selena", "Smit, Selena" in driver.page_source)
    check("search text stays out of the URL", "Selena" not in driver.current_url, driver.current_url)
    audit_page(driver, "caseload gezocht")
    follow(driver, "Smit, Selena")
    check("household page shows the regisseur and benefit", "Regisseur" in driver.page_source and "aanvullend" in driver.page_source)
    audit_page(driver, "huishouden Selena")
    follow(driver, "Selena Smit")
    check("client page shows special groups", "Doelgroepregister" in driver.page_source)
    audit_page(driver, "cliënt Selena")



def journey_household_forms(driver, base):
    """A form with a mistake, then a correct save, then back: nothing saved twice; every other form
    of the file, each checked by axe; a contact and a ladder measurement."""
    household_url, client_url = selena(driver, base)
    driver.get(household_url + "/benefit")
    audit_page(driver, "uitkeringsgegevens wijzigen")
    Select(driver.find_element(By.ID, "normCategory")).select_by_value("")
    submit(driver)
    check("missing norm category is explained", "Kies de normcategorie" in driver.page_source)
    check("error summary at the top", len(driver.find_elements(By.CSS_SELECTOR, ".error-summary a")) >= 1)
    audit_page(driver, "uitkeringsgegevens met fout")
    Select(driver.find_element(By.ID, "normCategory")).select_by_value("single")
    submit(driver)
    check("saved and back on the household", driver.current_url == household_url and "gewijzigd vanaf" in driver.page_source, driver.current_url)
    rows_after_save = driver.page_source.count("class=\"superseded\"")
    driver.back()
    driver.get(household_url)
    check("back after save stores nothing twice", driver.page_source.count("class=\"superseded\"") == rows_after_save)

    for path, name in [(household_url + "/address", "adres wijzigen"), (household_url + "/municipality", "gemeente wijzigen"),
                       (household_url + "/director", "regisseur wijzigen"), (household_url + "/members", "gezinslid toevoegen"),
                       (client_url + "/edit", "persoonsgegevens wijzigen"), (client_url + "/groups/new", "bijzondere groep toevoegen"),
                       (client_url + "/support/end", "ondersteuning beeindigen"), (base + "/account/password", "wachtwoord wijzigen")]:
        driver.get(path)
        audit_page(driver, name)
    driver.get(base + "/worklists/contacts")
    check("the contact worklist says why each household is on it", "Waarom op de lijst" in driver.page_source)
    audit_page(driver, "uit beeld")
    driver.get(household_url + "/contacts/new")
    audit_page(driver, "contact vastleggen")
    driver.find_element(By.ID, "summary").send_keys("Gesproken over meer uren werken.")
    submit(driver)
    check("a contact is recorded on the household", "Gesproken over meer uren werken." in driver.page_source)
    driver.get(client_url + "/ladder/new")
    audit_page(driver, "ladder meten")
    driver.find_element(By.ID, "q_socialContacts").click()
    driver.find_element(By.ID, "q_paidWorkWithSupport").click()
    Select(driver.find_element(By.ID, "expectedEnd")).select_by_value("6")
    submit(driver)
    check("a ladder measurement is shown with its chart", "Nu op trede 5" in driver.page_source and "ladder-titel" in driver.page_source)
    audit_page(driver, "cliënt met ladder")



def journey_casework(driver, base):
    """Casework: intake (prefilled from the previous one), the proposal with its rule, plan, forms, worklists."""
    household_url, client_url = selena(driver, base)
    driver.get(household_url)
    conversations_before = driver.page_source.count("Gesprek")
    driver.get(client_url + "/intake/new")
    audit_page(driver, "intake")
    check("the intake asks what kind of conversation it was", Select(driver.find_element(By.ID, "contactKind")).first_selected_option.text == "Gesprek")
    submit(driver)
    check("after the intake the proposal shows the rule that fired", "Waarom: de regel die past" in driver.page_source
          and "<strong>Geplaatst</strong>" in driver.page_source, driver.current_url)
    audit_page(driver, "voorgestelde klantgroep")
    submit(driver)
    check("the proposed group is confirmed", "is bevestigd" in driver.page_source)
    driver.get(household_url)
    check("the intake was a conversation: one more contact on the household", driver.page_source.count("Gesprek") == conversations_before + 1,
          f"{conversations_before} -> {driver.page_source.count('Gesprek')}")
    driver.get(client_url + "/plans/new")
    audit_page(driver, "plan van aanpak")
    driver.find_element(By.ID, "goal1_description").send_keys("Twee uur per week meer werken")
    driver.execute_script("document.getElementById('goal1_target').value = '2027-06-01';"
                          "document.getElementById('nextReviewOn').value = '2027-03-01';")
    submit(driver)
    check("the plan is a document to read and sign", "Ondertekening" in driver.page_source and "Twee uur per week" in driver.page_source)
    audit_page(driver, "plan als document")
    follow(driver, "Plan evalueren")
    audit_page(driver, "plan evalueren")
    submit(driver)
    check("a review without progress per goal is refused", len(driver.find_elements(By.CSS_SELECTOR, ".error-summary li")) >= 1)
    for path, name in [("/intake", "intake bekijken"), ("/measures/new", "maatregel afwegen"), ("/handovers/new", "warme overdracht"),
                       ("/signals/new", "signaal"), ("/youth-checklist", "pas loslaten als"), ("/reviews/new", "onderzoek vastleggen")]:
        driver.get(client_url + path)
        audit_page(driver, name)
    driver.get(client_url)
    audit_page(driver, "cliënt met indeling en samenwerking")
    driver.get(base + "/worklists")
    check("the worklists overview counts per list", "Plan te evalueren" in driver.page_source)
    audit_page(driver, "werklijsten")
    driver.get(base + "/worklists/scheduledReviews")
    audit_page(driver, "werklijst rechtmatigheid")
    driver.get(household_url + "/members")
    submit(driver)
    check("an empty member form is refused with its errors", len(driver.find_elements(By.CSS_SELECTOR, ".error-summary li")) >= 4)
    audit_page(driver, "gezinslid met fouten")



def journey_new_household(driver, base):
    """New household: empty, then valid, then with a BSN in use."""
    log_in(driver, base, "km1.steenwijkerland")
    driver.get(base + "/households/new")
    audit_page(driver, "nieuw huishouden")
    submit(driver)
    errors = len(driver.find_elements(By.CSS_SELECTOR, ".error-summary li"))
    check("empty new-household form lists its errors", errors >= 5, f"{errors} errors")
    audit_page(driver, "nieuw huishouden met fouten")
    for field, value in {"bsn": "999990019", "givenName": "Mirjam", "familyName": "Brouwer", "street": "Kerkstraat",
                         "houseNumber": "4", "postcode": "8331 AB", "city": "Steenwijk"}.items():
        element = driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    driver.execute_script("document.getElementById('dateOfBirth').value = '1984-04-12';")
    Select(driver.find_element(By.ID, "normCategory")).select_by_value("single")
    submit(driver)
    check("a BSN already in use is refused", "al een inwoner met dit BSN" in driver.page_source)
    bsn = driver.find_element(By.ID, "bsn")
    bsn.clear()
    bsn.send_keys("999993240")  # Pieter's: in use too
    submit(driver)
    check("second duplicate refused as well", "al een inwoner met dit BSN" in driver.page_source)



def journey_calculations(driver, base):
    """Werken loont, prefilled from a household; the wage-cost subsidy; API keys."""
    household_url, _ = selena(driver, base)
    driver.get(household_url + "/income")
    audit_page(driver, "werken loont")
    driver.find_element(By.ID, "netMonthlyEarnings").send_keys("900,00")
    submit(driver)
    summary = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".error-summary li")]
    check("income result shown", "Brief voor de inwoner" in driver.page_source, f"errors on the page: {summary}")
    audit_page(driver, "werken loont uitkomst")
    driver.get(base + "/calculations/wage-cost-subsidy")
    driver.find_element(By.ID, "wageValue").send_keys("50")
    submit(driver)
    check("wage-cost subsidy result shown", "tegemoetkoming in de werkgeverslasten" in driver.page_source)
    audit_page(driver, "loonkostensubsidie uitkomst")
    driver.get(base + "/account/tokens")
    audit_page(driver, "api-sleutels")



def journey_zoom(driver, base):
    """200% zoom: a 1280×720 screen at 200% is a 640×360 CSS viewport; no sideways scrolling of the page."""
    household_url, _ = selena(driver, base)
    driver.set_window_size(640, 500)
    driver.get(base + "/caseload")
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
    check("caseload readable at 200% zoom without sideways scrolling", overflow <= 1, f"{overflow}px too wide")
    driver.get(household_url)
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
    check("household readable at 200% zoom", overflow <= 1, f"{overflow}px too wide")
    driver.set_window_size(1280, 900)


def journey_other_organisations(driver, base):
    """Another organisation's household: a WPDA case manager's link, opened by Steenwijkerland."""
    log_in(driver, base, "km1.wpda")
    audit_page(driver, "caseload werkplein drentsche aa")  # its own colour, checked for contrast
    check("a shared body shows each client's municipality", "Assen" in driver.page_source or "Tynaarlo" in driver.page_source)
    foreign = driver.find_element(By.CSS_SELECTOR, "table tbody a").get_attribute("href")
    for other in ["km1.nijkerk", "km1.wijchen"]:
        log_in(driver, base, other)
        audit_page(driver, f"caseload {other}")
    log_in(driver, base, "km1.steenwijkerland")
    driver.get(foreign)
    check("another organisation's household is not found", "bestaat niet" in driver.page_source)
    audit_page(driver, "niet gevonden")



def journey_break_the_glass(driver, base):
    """Break the glass: a household outside the caseload asks for a reason first."""
    log_in(driver, base, "km1.steenwijkerland")
    driver.get(base + "/households")
    search = driver.find_element(By.ID, "q")
    search.send_keys("Bakker")
    navigating(driver, lambda: search.send_keys(Keys.ENTER))
    others = [a.get_attribute("href") for a, director in zip(
        driver.find_elements(By.CSS_SELECTOR, "tbody tr td:first-child a"), driver.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(4)"))
        if "Nijland" not in director.text]
    driver.get(others[0])
    check("outside the caseload a reason is asked", "Waarom opent u dit dossier?" in driver.page_source, driver.current_url)
    audit_page(driver, "reden opgeven")
    driver.find_element(By.ID, "reason-contact").click()
    submit(driver)
    check("after the reason the file opens", driver.current_url == others[0] and "Leden van het huishouden" in driver.page_source, driver.current_url)



def journey_team_leader(driver, base):
    """Team leader: the households, the opened files, a caseload transfer (choose, select, preview, confirm, undo)."""
    log_in(driver, base, "tl1.steenwijkerland")
    audit_page(driver, "teamleider huishoudens")
    driver.get(base + "/team/access-reasons")
    audit_page(driver, "geopende dossiers")
    driver.get(base + "/admin/caseload-move")
    audit_page(driver, "caseload overdragen")
    source = Select(driver.find_element(By.ID, "fromId"))
    source.select_by_visible_text(next(o.text for o in source.options if "(km1.steenwijkerland)" in o.text))
    submit(driver, "form[method=get]")
    check("the transfer target is never preset", Select(driver.find_element(By.ID, "toId")).first_selected_option.get_attribute("value") == "")
    audit_page(driver, "caseload overdragen: huishoudens kiezen")
    driver.find_elements(By.CSS_SELECTOR, "input[name='household[]']")[0].click()
    Select(driver.find_element(By.ID, "toId")).select_by_index(1)
    submit(driver, "form[method=post].form")
    check("the preview shows the counts per case manager", "Voorvertoning" in driver.page_source and "Na de overdracht" in driver.page_source)
    audit_page(driver, "caseload overdragen: voorvertoning")
    submit(driver, "form[method=post].form")
    check("one household transferred", "1 huishouden is overgedragen" in driver.page_source, driver.current_url)
    undo = driver.find_element(By.CSS_SELECTOR, "form[action$='/undo'] button")
    navigating(driver, undo.click)
    check("the transfer is undone", "1 huishouden is teruggezet" in driver.page_source)
    audit_page(driver, "caseload overdragen: teruggedraaid")


def journey_functional_admin(driver, base):
    """Functional administrator: users, a new user with errors, the policy profile and its terms."""
    log_in(driver, base, "fb.steenwijkerland")
    audit_page(driver, "gebruikers")
    driver.get(base + "/admin/users/new")
    submit(driver)
    audit_page(driver, "nieuwe gebruiker met fouten")
    driver.get(base + "/admin/profile")
    check("the profile page lists the groups with their rules", "Regels:" in driver.page_source and "Werkvoorzienend" in driver.page_source)
    audit_page(driver, "beleidsprofiel")
    driver.get(base + "/admin/profile/terms")
    audit_page(driver, "normen en termijnen")


def journey_other_roles(driver, base):
    """Partner organisation, policy officer (no files), privacy officer (log and inzage), application admin."""
    household_url, _ = selena(driver, base)
    log_in(driver, base, "pc.steenwijkerland")
    driver.get(base + "/handovers")
    audit_page(driver, "mijn aanmeldingen")
    log_in(driver, base, "bm.steenwijkerland")
    audit_page(driver, "beleidsmedewerker start")
    driver.get(household_url)
    check("policy officer sees no file", "geen rechten" in driver.page_source)
    audit_page(driver, "geen rechten")
    log_in(driver, base, "pf.steenwijkerland")
    driver.get(base + "/privacy")
    audit_page(driver, "privacy zoeken")
    driver.find_element(By.ID, "bsn").send_keys("999994669")  # persona Anne
    submit(driver)
    check("the privacy officer finds Anne's access log", "Toegangslog van Anne Bakker" in driver.page_source)
    audit_page(driver, "toegangslog Anne")
    follow(driver, "Inzage-export (afdrukbaar)")
    check("Anne's inzage lists her data and the access log", "999994669" in driver.page_source and "Wie uw gegevens inzag" in driver.page_source)
    audit_page(driver, "inzage Anne")
    log_in(driver, base, "beheer.installatie")
    driver.get(base + "/admin/parameters")
    audit_page(driver, "wettelijke parameters")


JOURNEYS = [
    journey_log_in, journey_caseload, journey_household_forms, journey_casework, journey_new_household, journey_calculations,
    journey_zoom, journey_other_organisations, journey_break_the_glass, journey_team_leader, journey_functional_admin,
    journey_other_roles,
]


def run_journey(journey, driver, base):
    """One journey; a failure is reported with its screenshot and the next journey still runs."""
    try:
        driver.set_window_size(1280, 900)
        journey(driver, base)
    except Exception:
        results["failed"] += 1
        failures.append(f"{journey.__name__}: {traceback.format_exc()}")
        print(f"FAIL {journey.__name__}:\n{traceback.format_exc()}")
        driver.save_screenshot(str(SHOTS / f"error-{journey.__name__}.png"))


def main():
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir()
    started = time.time()
    server = Server()
    driver = new_browser()
    try:
        for journey in JOURNEYS:
            run_journey(journey, driver, server.base)
    finally:
        driver.quit()
        server.stop()
    print(f"Browser suite: {len(pages_checked)} pages checked with axe-core, screenshots in {SHOTS}, {time.time() - started:.0f} s")
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
