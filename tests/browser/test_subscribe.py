"""Subscribe links (issue 17.6): the footer's 「RSS・フィードで購読」 on every page, and the chosen
offices' own feed on office-filtered views, each with a line saying what a feed is."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import Page, expect

from flash_reader import routes
from tests.browser.axe import axe_violations, format_violations
from tests.browser.conftest import open_reader
from tests.browser.test_filters import open_filter

ATOM = "{http://www.w3.org/2005/Atom}"


def footer_link(page: Page):
    return page.locator(".site-footer").get_by_role("link", name="RSS・フィードで購読")


def office_link(page: Page):
    return page.locator("#view").get_by_role("link", name=re.compile("フィードで購読$"))


def office(page: Page, name: str):
    open_filter(page)
    return page.get_by_role("group", name="事務所で絞り込む").get_by_role(
        "checkbox", name=re.compile(f"^{name}"))


@pytest.mark.parametrize("path", ["/", "/?office=PAR", "/issues/2020-10-28"])
def test_subscribe_footer_links_to_both_feeds_on_every_page(page: Page, app_url: str,
                                                             path: str) -> None:
    open_reader(page, app_url + path)
    expect(footer_link(page)).to_be_visible()
    expect(footer_link(page)).to_have_attribute("href", routes.FEED_ATOM)
    json_link = page.locator(".site-footer").get_by_role("link", name="JSON Feed 形式")
    expect(json_link).to_have_attribute("href", routes.FEED_JSON)
    # Said in plain words for readers who have never used a feed.
    expect(page.locator(".site-footer .subscribe-help")).to_contain_text("フィードリーダー")
    atom = page.request.get(app_url + routes.FEED_ATOM)
    assert atom.status == 200
    assert ET.fromstring(atom.body()).tag == ATOM + "feed"


def test_subscribe_unfiltered_view_has_no_office_link(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    expect(footer_link(page)).to_be_visible()
    expect(page.locator(".subscribe-offices")).to_have_count(0)


def test_subscribe_two_offices_link_to_their_own_feeds(page: Page, app_url: str) -> None:
    open_reader(page, app_url + "/?office=PAR,SIN")
    link = office_link(page)
    expect(link).to_have_text("パリ事務所・シンガポール事務所の記事をRSS・フィードで購読")
    expect(link).to_have_attribute("href", "/feed.atom?office=PAR,SIN")
    json_link = page.locator(".subscribe-offices").get_by_role("link", name="JSON Feed 形式")
    expect(json_link).to_have_attribute("href", "/feed.json?office=PAR,SIN")
    expect(page.locator(".subscribe-offices .subscribe-help")).to_be_visible()

    # The feeds behind the links hold those offices' articles only.
    feed = page.request.get(app_url + json_link.get_attribute("href")).json()
    assert feed["feed_url"].endswith("/feed.json?office=PAR,SIN")
    assert {item["_flash"]["office"] for item in feed["items"]} == {"PAR", "SIN"}
    atom = page.request.get(app_url + link.get_attribute("href"))
    assert atom.status == 200
    entries = ET.fromstring(atom.body()).findall(ATOM + "entry")
    assert len(entries) == len(feed["items"])


def test_subscribe_office_link_follows_the_filter_on_client_navigation(page: Page,
                                                                       app_url: str) -> None:
    open_reader(page, app_url)
    office(page, "パリ事務所").click()
    expect(office_link(page)).to_have_attribute("href", "/feed.atom?office=PAR")
    expect(office_link(page)).to_have_text("パリ事務所の記事をRSS・フィードで購読")
    office(page, "すべて").click()
    expect(page.get_by_role("article")).to_have_count(7)
    expect(page.locator(".subscribe-offices")).to_have_count(0)


@pytest.mark.parametrize("path", ["/", "/?office=PAR,SIN"])
def test_subscribe_links_pass_axe(page: Page, app_url: str, path: str) -> None:
    open_reader(page, app_url + path)
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
