"""Issue 27.5 in the services: the demo in the visitor's language, made once per language and database, and
the home page's workshops with the demo once."""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from workshop.config.templates import demo
from workshop.services.whole.demo import create_demo
from workshop.services.whole.demo_language import demo_in, for_visitor, pickable
from workshop.services.workshops.lifecycle import create_workshop, current_workshop_id, get_workshop, list_workshops


def test_a_danish_visitor_of_the_english_demo_gets_the_danish_one_made_once(engine: Engine) -> None:
    english = create_demo(engine, "en")
    danish = for_visitor(engine, get_workshop(engine, english), "da")
    assert danish != english
    shown = get_workshop(engine, danish)
    assert (shown.name, shown.language, shown.is_demo) == (demo("da").name, "da", True)
    assert for_visitor(engine, get_workshop(engine, english), "da") == danish  # made once
    assert for_visitor(engine, shown, "da") == danish
    assert for_visitor(engine, get_workshop(engine, english), "en") == english
    assert current_workshop_id(engine) == english  # the current workshop stays what the owner made it
    assert sorted(w.language for w in list_workshops(engine)) == ["da", "en"]


def test_a_real_workshop_is_shown_as_it_is_whatever_the_visitor_reads(engine: Engine) -> None:
    real = create_workshop(
        engine, "Strategy week 2027", "facilitate-2027", "lead-2027", template_key="four_spaces_week"
    )
    assert for_visitor(engine, get_workshop(engine, real), "da") == real
    assert len(list_workshops(engine)) == 1


def test_visitors_of_one_language_arriving_at_once_get_one_demo(engine: Engine) -> None:
    create_demo(engine, "en")
    got: list[int] = []
    threads = [threading.Thread(target=lambda: got.append(demo_in(engine, "nl"))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(got)) == 1 and len(got) == 4
    assert [w.language for w in list_workshops(engine)].count("nl") == 1


def test_recreating_the_demo_replaces_every_language(engine: Engine) -> None:
    create_demo(engine, "en")
    demo_in(engine, "da")
    fresh = create_demo(engine, "nb")
    assert [(w.id, w.language) for w in list_workshops(engine)] == [(fresh, "nb")]


def test_the_home_page_offers_the_demo_once_in_the_visitors_language(engine: Engine) -> None:
    english = create_demo(engine, "en")
    danish = demo_in(engine, "da")
    real = create_workshop(
        engine, "Strategy week 2027", "facilitate-2027", "lead-2027", template_key="four_spaces_week"
    )
    every = list_workshops(engine)
    assert [w.id for w in pickable(every, danish, "da")] == [danish, real]
    assert [w.id for w in pickable(every, real, "da")] == [danish, real]
    assert [w.id for w in pickable(every, real, "nl")] == [english, real]  # no Dutch demo yet: the first
    assert [w.id for w in pickable(every, english, "da")] == [english, real]  # the one looked at
