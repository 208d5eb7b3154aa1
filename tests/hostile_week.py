"""A week whose every user-text field holds a hostile payload: Markdown, HTML, a script link, web and e-mail
addresses and a direction control, each led by a marker naming its field. Written through the services, so
AppTest (tests/app/test_hostile_text.py), the browser (tests/e2e/test_hostile_text.py) and the HTML report
see the same rows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workshop.domain.comments import COMMENT_MAX
from workshop.domain.loop import REACTION_MAX
from workshop.domain.mapping import Contribution, MappingScope
from workshop.domain.model import Action, DayStatus, Offer, QuestionKind
from workshop.domain.screening import NOTE_MAX
from workshop.services.loop.actions import add_action
from workshop.services.loop.publication import set_published
from workshop.services.loop.reactions import react, set_reactions_open
from workshop.services.loop.themes import create_theme
from workshop.services.loop.votes import open_vote
from workshop.services.partnership.partner_proposals import propose_partner
from workshop.services.partnership.partners import add_partner
from workshop.services.partnership.proposals import record_verdict, save_proposal
from workshop.services.partnership.screening import screen_as_team
from workshop.services.register.assets import add_asset, propose_asset
from workshop.services.register.mapping import propose_offer, save_mapping, set_mapping_phase
from workshop.services.register.offers import add_offers, offers_frame, partners_frame, set_target_groups
from workshop.services.register.stages import add_stage_change
from workshop.services.week.answers import Answer, save_draft, submit_answer
from workshop.services.week.comments import add_comment
from workshop.services.week.days import set_day_status
from workshop.services.week.planning import save_day, save_main_point, save_question, set_publish_log_immediately
from workshop.services.workshops.lifecycle import add_team, create_workshop, set_current_workshop

# Web and e-mail addresses: Streamlit's frontend makes them links in any Markdown element, escaped or not.
ADDRESSES = "http://evil.example www.evil.example mail@evil.example"
PAYLOAD = (
    "**b** :red[x] [x](javascript:alert(1)) ![i](http://127.0.0.1:9/i.png) $$x$$ <img src=x onerror=alert(1)> "
    f"{ADDRESSES} \u202e"
)
# For fields capped at 100 characters (target groups): the marks that matter most, the addresses and the control.
SHORT_PAYLOAD = f"**b** [x](javascript:alert(1)) <img> {ADDRESSES} \u202e"
FACILITATOR, LEADERSHIP = "facilitate-the-hostile-week", "lead-the-hostile-week"


def marker(name: str) -> str:
    """What leads a field's payload: Z, the field's name in letters only, Z."""
    return f"Z{re.sub('[^a-z]', '', name)}Z"


def hostile(name: str) -> str:
    """The payload, led by a marker that names the field it was typed into."""
    return f"{marker(name)} {PAYLOAD}"


def short(text: str) -> str:
    """A field's payload cut to the short one (the same marker)."""
    return f"{text.split(' ', 1)[0]} {SHORT_PAYLOAD}"


@dataclass
class Week:
    """What the writers have made so far (later fields need earlier rows)."""

    engine: Any
    ids: dict[str, Any] = field(default_factory=dict)


def _workshop(w: Week, name: str, description: str) -> None:
    wid = create_workshop(w.engine, name, FACILITATOR, LEADERSHIP, description=description)
    set_current_workshop(w.engine, wid)
    w.ids["wid"] = wid
    w.ids["point"] = save_main_point(w.engine, wid, hostile("x")[:0] + "Point", spaces=["meeting"]).id
    w.ids["day"] = save_day(w.engine, wid, "Monday").id
    set_day_status(w.engine, wid, w.ids["day"], DayStatus.OPEN)


def _team(w: Week, text: str) -> None:
    team, code = add_team(w.engine, w.ids["wid"], text)
    w.ids["team"], w.ids["code"] = team, code


def _point(w: Week, title: str, description: str) -> None:
    save_main_point(w.engine, w.ids["wid"], title, description, ["meeting"], point_id=w.ids["point"])


def _day(w: Week, text: str) -> None:
    save_day(w.engine, w.ids["wid"], text, dt.date(2026, 3, 2), day_id=w.ids["day"])


def _question(w: Week, key: str, text: str, kind: QuestionKind = QuestionKind.TEXT, options: list[str] = ()) -> None:  # type: ignore[assignment]
    q = save_question(w.engine, w.ids["wid"], w.ids["day"], text, kind, options, main_point_id=w.ids["point"])
    w.ids[key] = q.id


def _answer(w: Week, text: str) -> None:
    w.ids["answer"] = submit_answer(w.engine, w.ids["team"], Answer(question_id=w.ids["q_text"], text=text)).id


def _choice(w: Week) -> None:
    submit_answer(w.engine, w.ids["team"], Answer(question_id=w.ids["q_choice"], choices=[hostile("option one")]))


def _offer(w: Week, name: str) -> None:
    offer = Offer(
        name=name,
        description=hostile("offer description"),
        owner_team=hostile("offer owner team"),
        target_groups=[hostile("offer target group")],
        partners=[hostile("offer partner")],
        tags=[hostile("offer tag")],
        spaces={"meeting": 3, "learning": 1},
    )
    add_offers(w.engine, w.ids["wid"], [offer])


def _partner(w: Week, name: str) -> None:
    fields = {"name": name, "contact": hostile("partner contact"), "description": hostile("partner description")}
    add_partner(w.engine, w.ids["wid"], fields)


def _stage_note(w: Week, note: str) -> None:
    partner_id = int(partners_frame(w.engine, w.ids["wid"])["id"].iloc[0])
    add_stage_change(w.engine, w.ids["wid"], partner_id, "collaboration", dt.date(2024, 5, 1), note)


def _theme(w: Week, title: str, decision: str) -> None:
    w.ids["theme"] = create_theme(w.engine, w.ids["wid"], title, [w.ids["answer"]], decision=decision)


def _action(w: Week, title: str, owner: str) -> None:
    action = Action(
        title=title, owner=owner, theme_id=w.ids["theme"], main_point_id=w.ids["point"], due=dt.date(2026, 3, 9)
    )
    add_action(w.engine, w.ids["wid"], action)


def _reaction(w: Week, comment: str) -> None:
    set_published(w.engine, w.ids["wid"], True)
    set_reactions_open(w.engine, w.ids["wid"], w.ids["theme"], True)
    react(w.engine, w.ids["team"], w.ids["theme"], "concerns", comment[:REACTION_MAX])


def _comment(w: Week, text: str) -> None:
    set_publish_log_immediately(w.engine, w.ids["wid"], True)  # the log shows the open day: comments
    add_comment(w.engine, w.ids["team"], w.ids["answer"], text[:COMMENT_MAX])


def _vote(w: Week, title: str) -> None:
    open_vote(w.engine, w.ids["wid"], title, "themes", 3)


def _mapping_note(w: Week, note: str) -> None:
    set_mapping_phase(w.engine, w.ids["wid"], DayStatus.OPEN, MappingScope.ALL)
    offer_id = int(offers_frame(w.engine, w.ids["wid"])["id"].iloc[0])
    save_mapping(w.engine, w.ids["team"], offer_id, Contribution({"meeting": 2}, 3, note=note), done=False)


def _proposal(w: Week, name: str, description: str) -> None:
    propose_offer(w.engine, w.ids["team"], name, description, Contribution({"learning": 2}, 3))


def _screening_proposal(w: Week, title: str, proposer: str, description: str, group: str) -> None:
    fields = {
        "title": title,
        "proposer": proposer,
        "description": description,
        "spaces": ["meeting"],
        "target_groups": [short(group)],
    }
    w.ids["screened"] = save_proposal(w.engine, w.ids["wid"], fields)


def _screening_note(w: Week, note: str) -> None:
    given = [{"question": 1, "answer": "yes", "note": note[:NOTE_MAX]}]
    screen_as_team(w.engine, w.ids["team"], w.ids["screened"], given)


def _verdict_reason(w: Week, reason: str) -> None:
    record_verdict(w.engine, w.ids["wid"], w.ids["screened"], "conditions", reason)


def _asset_proposal(w: Week, title: str, description: str) -> None:
    propose_asset(w.engine, w.ids["team"], title, description)


def _partner_proposal(w: Week, name: str, contact: str, reason: str) -> None:
    propose_partner(w.engine, w.ids["team"], {"name": name, "contact": contact, "reason": reason})


def _other_workshop(w: Week, name: str) -> None:
    w.ids["other"] = create_workshop(w.engine, name, "facilitate-the-other-week", "lead-the-other-week")


# Every user-text field, in the order the rows depend on each other: (the fields it writes, the writer).
# A new field is one line here. Fields written inside another's writer are listed with it.
FIELDS: list[tuple[tuple[str, ...], Callable[..., None]]] = [
    (("workshop name", "workshop description"), _workshop),
    (("team name",), _team),
    (("main point title", "main point description"), _point),
    (("day title",), _day),
    (("question text",), lambda w, text: _question(w, "q_text", text)),
    (
        ("choice question",),
        lambda w, text: _question(
            w, "q_choice", text, QuestionKind.SINGLE, [hostile("option one"), hostile("option two")]
        ),
    ),
    (("draft question",), lambda w, text: _question(w, "q_draft", text)),
    (("rating question",), lambda w, text: _question(w, "q_rating", text, QuestionKind.RATING)),
    (("answer",), _answer),
    ((), _choice),
    (("draft",), lambda w, text: save_draft(w.engine, w.ids["team"], w.ids["q_draft"], text)),
    (("offer name",), _offer),
    # Target groups are capped at 100 characters: the short payload.
    (("tg",), lambda w, text: set_target_groups(w.engine, w.ids["wid"], [short(text)])),
    (("partner name",), _partner),
    (("stage note",), _stage_note),
    (("theme title", "theme decision"), _theme),
    (("action title", "action owner"), _action),
    (("reaction comment",), _reaction),
    (("log comment",), _comment),
    (("vote title",), _vote),
    (("mapping note",), _mapping_note),
    (("proposed offer name", "proposed offer description"), _proposal),
    (("screening title", "screening proposer", "screening description", "screening group"), _screening_proposal),
    (("screening note",), _screening_note),
    (("verdict reason",), _verdict_reason),
    (("asset title", "asset description"), lambda w, title, about: add_asset(w.engine, w.ids["wid"], title, about)),
    (("proposed asset title", "proposed asset description"), _asset_proposal),
    (("proposed partner", "proposed contact", "proposed partner reason"), _partner_proposal),
    (("other workshop name",), _other_workshop),
]
WRITTEN = [name for names, _ in FIELDS for name in names] + [
    "option one",
    "option two",
    "offer description",
    "offer owner team",
    "offer target group",
    "offer partner",
    "offer tag",
    "partner contact",
    "partner description",
]


def seed(engine: Any) -> Week:
    """Every field of FIELDS written with its hostile payload, in a new workshop made the current one."""
    week = Week(engine)
    for names, write in FIELDS:
        write(week, *(hostile(n) for n in names))
    return week
