#!/usr/bin/env python3
"""Convert an implan plan (TOML) into an equivalent TaskJuggler 3 project, written to stdout.

    python3 benches/tj3/tjp.py plan.toml > project.tjp
    python3 benches/tj3/tjp.py --owner responsible plan.toml > project.tjp

Standard library only (Python 3.11+, `tomllib`). The mapping (see README.md):

* `[plan]`        -> `project`, from the first day of `start` to a month boundary after the last activity.
* `[roles]`       -> one leaf `resource` per role (groups are not nested: TaskJuggler resources have one parent).
* `[[phase]]`     -> a container `task`; `[[phase.activity]]` (and top-level `[[activity]]` with `phase`)
                     -> a sub-task.
* `when` (day)    -> `start` + `milestone`; `when` (month, term, year, week) -> `start` + `end` (the first
                     day after the span: TaskJuggler's `end` is exclusive, at midnight). `end` / `duration`
                     extend the span.
* `owner`         -> `allocate` (default) or `responsible` (`--owner responsible`).
* `after`         -> `depends <id> { onstart }`: "cannot start before the other has started", as in implan.
* `components`, `goals`, `kind` -> `flags`; `cost` -> `charge` on the account `kostnader`.

Recurring requirements, agreements, the budget's limits, participants, quotas and lint settings have no
TaskJuggler counterpart and are left out.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import re
import sys
import tomllib

# ---------------------------------------------------------------------------------------------------------
# Dates, as implan reads them (src/when.rs): a span of whole days plus its precision.

MONTHS = {
    "januar": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2, "mars": 3, "march": 3,
    "mar": 3, "april": 4, "apr": 4, "mai": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7,
    "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "desember": 12, "december": 12,
    "des": 12, "dec": 12,
}
SPRING = ("vår", "våren", "var", "varen", "spring", "vårhalvåret", "vårsemesteret", "vårsemester")
AUTUMN = ("høst", "høsthalvåret", "høstsemesteret", "høstsemester", "haust", "hausten", "høsten", "host",
          "hosten", "autumn", "fall")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday")


class When:
    __slots__ = ("start", "end", "day")

    def __init__(self, start: dt.date, end: dt.date, day: bool):
        self.start, self.end, self.day = start, end, day


def last_of_month(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def parse_when(value) -> When:
    """Parses the forms of docs/format.md ("Writing dates"); raises ValueError on anything else."""
    if isinstance(value, dt.datetime):
        return When(value.date(), value.date(), True)
    if isinstance(value, dt.date):
        return When(value, value, True)
    if isinstance(value, int):
        return When(dt.date(value, 1, 1), dt.date(value, 12, 31), False)
    s = str(value).strip().lower().replace("a\u030a", "å").replace("o\u0308", "ö")
    # The common forms first, cheaply: 2026-03-12 (with an optional time), 2026-03.
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?", s)
    if m:
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return When(d, d, True)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
    if m:
        y, mo = int(m[1]), int(m[2])
        return When(dt.date(y, mo, 1), last_of_month(y, mo), False)
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s.*)?", s)
    if m:
        y = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        d = dt.date(y, int(m[2]), int(m[1]))
        return When(d, d, True)
    m = re.fullmatch(r"(?:skoleåret|skoleår|skuleåret|school year)\s+(\d{4})\s*[/\-–]\s*\d{2,4}", s)
    if m:
        y = int(m[1])
        return When(dt.date(y, 8, 1), dt.date(y + 1, 6, 30), False)
    m = re.fullmatch(r"(?:uke|uka|veke|week)\s+(\d{1,2})\.?\s+(\d{4})", s)
    if m:
        monday = dt.date.fromisocalendar(int(m[2]), int(m[1]), 1)
        return When(monday, monday + dt.timedelta(days=6), False)
    words = [w for w in re.split(r"[\s,]+", s) if w and w != "den"]
    if words and words[0] in WEEKDAYS:
        words = words[1:]
    # Drop a trailing time ("kl. 10:00", "10-10.30").
    for i, w in enumerate(words):
        if w in ("kl", "kl.") or re.fullmatch(r"\d{1,2}[:.]\d{2}.*|\d{1,2}[-–]\d{1,2}([:.]\d{2})?", w):
            words = words[:i]
            break
    if len(words) == 1 and re.fullmatch(r"\d{4}", words[0]):
        y = int(words[0])
        return When(dt.date(y, 1, 1), dt.date(y, 12, 31), False)
    if len(words) == 2 and re.fullmatch(r"\d{4}", words[1]):
        w, y = words[0], int(words[1])
        if w.rstrip(".") in MONTHS:
            mo = MONTHS[w.rstrip(".")]
            return When(dt.date(y, mo, 1), last_of_month(y, mo), False)
        if w in SPRING:
            return When(dt.date(y, 1, 1), dt.date(y, 6, 30), False)
        if w in AUTUMN:
            return When(dt.date(y, 8, 1), dt.date(y, 12, 31), False)
    if len(words) == 3:
        a, b, y = words
        if re.fullmatch(r"\d{4}", y):
            if re.fullmatch(r"\d{1,2}\.?", a) and b.rstrip(".") in MONTHS:  # 12. mars 2026, 12 March 2026
                d = dt.date(int(y), MONTHS[b.rstrip(".")], int(a.rstrip(".")))
                return When(d, d, True)
            if a.rstrip(".") in MONTHS and re.fullmatch(r"\d{1,2}", b):  # March 12, 2026
                d = dt.date(int(y), MONTHS[a.rstrip(".")], int(b))
                return When(d, d, True)
    raise ValueError(f"unsupported date {value!r}")


def parse_period(value) -> When:
    """A phase period: one `when` value, or two joined by a dash or a word."""
    if isinstance(value, str):
        parts = re.split(r"\s+(?:–|—|-|til|to)\s+", value.strip(), maxsplit=1)
        if len(parts) == 2:
            a, b = parse_when(parts[0]), parse_when(parts[1])
            return When(a.start, b.end, False)
    return parse_when(value)


DURATION_UNITS = {
    "dag": 1, "dager": 1, "day": 1, "days": 1, "d": 1,
    "uke": 7, "uker": 7, "week": 7, "weeks": 7, "w": 7,
}
MONTH_UNITS = ("måned", "måneder", "mnd", "month", "months", "år", "year", "years")


def add_duration(start: dt.date, text: str) -> dt.date:
    """The last day of something starting on `start` and lasting `text` ("3 dager", "6 months")."""
    m = re.fullmatch(r"\s*(\d+)\s*(\S+)\s*", str(text).lower())
    if not m:
        raise ValueError(f"unsupported duration {text!r}")
    n, unit = int(m[1]), m[2]
    if unit in DURATION_UNITS:
        return start + dt.timedelta(days=n * DURATION_UNITS[unit] - 1)
    if unit in MONTH_UNITS:
        months = n * (12 if unit in ("år", "year", "years") else 1)
        k = start.month - 1 + months
        y, mo = start.year + k // 12, k % 12 + 1
        d = min(start.day, calendar.monthrange(y, mo)[1])
        return dt.date(y, mo, d) - dt.timedelta(days=1)
    raise ValueError(f"unsupported duration unit {unit!r}")


# ---------------------------------------------------------------------------------------------------------
# Identifiers and strings.

SLUG_MAP = {"æ": "ae", "ø": "o", "ö": "o", "å": "a", "ä": "a", "á": "a", "à": "a", "é": "e", "è": "e",
            "ê": "e", "ü": "u"}


def slug(title: str) -> str:
    """implan's id for an activity without one (src/model.rs `slug`)."""
    out = []
    for c in title.lower():
        if c in SLUG_MAP:
            out.append(SLUG_MAP[c])
        elif c.isascii() and c.isalnum():
            out.append(c)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).rstrip("-")


class Ids:
    """Maps implan ids to unique TaskJuggler identifiers ([A-Za-z_][A-Za-z0-9_]*) within one namespace."""

    def __init__(self, prefix: str):
        self.prefix, self.used = prefix, set()

    def make(self, raw: str) -> str:
        base = re.sub(r"[^A-Za-z0-9_]", "_", slug(raw) if not re.fullmatch(r"[A-Za-z0-9_.\-]+", raw) else raw)
        if not base or base[0].isdigit():
            base = self.prefix + base
        tid, k = base, 2
        while tid in self.used:
            tid, k = f"{base}_{k}", k + 1
        self.used.add(tid)
        return tid


def ident(raw) -> str:
    """A TaskJuggler identifier for a reference to something that does not exist."""
    s = re.sub(r"[^A-Za-z0-9_]", "_", str(raw))
    return s if s and not s[0].isdigit() else "x" + s


def q(text) -> str:
    """A TaskJuggler string literal."""
    s = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{s}"'


# ---------------------------------------------------------------------------------------------------------


def as_list(v) -> list:
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


class Activity:
    __slots__ = ("raw_id", "tid", "path", "title", "start", "end", "day", "owners", "after", "flags", "cost",
                 "cancelled")


def convert(plan: dict, owner_mode: str) -> str:
    head = plan.get("plan", {})
    plan_span = parse_when(head["start"])
    plan_end = parse_period(head["end"]).end if "end" in head else plan_span.end

    # Roles, found by id or (case-insensitively) by display name, as implan does.
    res_ids = Ids("r_")
    roles: list[tuple[str, str]] = []  # (tj id, display name)
    role_by_ref: dict[str, str] = {}
    for rid, v in plan.get("roles", {}).items():
        name = v if isinstance(v, str) else v.get("name", rid)
        tid = res_ids.make(rid)
        roles.append((tid, name))
        role_by_ref[rid] = tid
        role_by_ref.setdefault(name.lower(), tid)

    def role(ref: str) -> str | None:
        return role_by_ref.get(ref) or role_by_ref.get(ref.lower())

    flag_ids = Ids("f_")
    flag_of: dict[str, str] = {}

    def flag(kind: str, value: str) -> str:
        key = f"{kind}_{value}"
        if key not in flag_of:
            flag_of[key] = flag_ids.make(key)
        return flag_of[key]

    # Phases, with their activities in file order.
    task_ids = Ids("t_")
    phases: list[dict] = []
    phase_by_id: dict[str, dict] = {}
    for p in plan.get("phase", []):
        ph = {"tid": task_ids.make(p.get("id") or slug(p.get("name", "fase"))), "name": p.get("name", p.get("id")),
              "src": p, "acts": [], "ids": Ids("a_")}
        phases.append(ph)
        if "id" in ph["src"]:
            phase_by_id[p["id"]] = ph
    loose = {"tid": None, "acts": [], "ids": task_ids}  # top-level activities without a phase
    items = [(ph, a) for ph in phases for a in ph["src"].get("activity", [])]
    for a in plan.get("activity", []):
        items.append((phase_by_id.get(a.get("phase"), loose), a))

    acts: list[Activity] = []
    by_id: dict[str, Activity] = {}
    for ph, a in items:
        x = Activity()
        x.raw_id = a.get("id") or slug(a["title"])
        x.tid = ph["ids"].make(x.raw_id)
        x.path = f"{ph['tid']}.{x.tid}" if ph["tid"] else x.tid
        x.title = a["title"]
        w = parse_when(a["when"])
        x.start, x.end, x.day = w.start, w.end, w.day
        if "end" in a:
            x.end, x.day = max(x.end, parse_when(a["end"]).end), False
        elif "duration" in a:
            x.end, x.day = add_duration(x.start, a["duration"]), False
        if x.day and x.end > x.start:
            x.day = False
        # An unknown role is kept (as an undeclared id): TaskJuggler reports it, as implan's unknown-role does.
        x.owners = [role(o) or ident(o) for o in as_list(a.get("owner")) if str(o).strip()]
        x.after = as_list(a.get("after"))
        x.flags = [flag("c", c) for c in as_list(a.get("components"))]
        x.flags += [flag("g", g) for g in as_list(a.get("goals"))]
        x.flags += [flag("k", k) for k in as_list(a.get("kind"))]
        cost = a.get("cost")
        if isinstance(cost, dict):
            cost = cost.get("amount", 0) * cost.get("units", a.get("places", 1))
        x.cost = cost
        x.cancelled = str(a.get("status", "")).lower() in ("cancelled", "avlyst", "kansellert")
        ph["acts"].append(x)
        acts.append(x)
        by_id.setdefault(x.raw_id, x)  # the first of duplicate ids wins, as a reference target

    # Dependencies. implan's `after` is "cannot start before the other has started", checked at the
    # precision the dates were written in: "2026-09" after "2026-09-10" is fine (dependency-order). With
    # fixed dates TaskJuggler needs the exact start, so such an activity starts on the other's start day.
    deps: dict[int, list[tuple[Activity, str]]] = {}
    for ph in phases + [loose]:
        for x in ph["acts"]:
            out = []
            for ref in x.after:
                y = by_id.get(ref)
                if y is None:
                    # Kept, so that TaskJuggler reports it (implan: unknown-reference).
                    if not x.cancelled:
                        out.append((None, ident(ref)))
                    continue
                if y is x or x.cancelled or y.cancelled:
                    continue
                same_phase = ph["tid"] is not None and y.path.startswith(ph["tid"] + ".")
                out.append((y, "!" + y.tid if same_phase else y.path))
            deps[id(x)] = out
    # Activities are in date order in the generated plans; iterate until stable for any plan.
    for _ in range(len(acts)):
        changed = False
        for x in acts:
            for y, _ref in deps[id(x)]:
                if y is not None and y.start > x.start and y.start <= x.end:
                    x.start, changed = y.start, True
        if not changed:
            break

    last = max([plan_end] + [x.end for x in acts])
    # A month boundary at least a month after the last day, so that every task lies inside the project.
    k = last.year * 12 + last.month - 1 + 2
    project_end = dt.date(k // 12, k % 12 + 1, 1)

    # TaskJuggler 3 only knows the years 1970-2035. A plan reaching beyond is moved by whole 28-year cycles,
    # which keep every date's weekday and leap day (1901-2099), so the working-time calendar is the same.
    first = min([plan_span.start] + [x.start for x in acts])
    shift = 0
    while project_end.year + shift > 2035:
        shift -= 28
    while first.year + shift < 1970:
        shift += 28
    if first.year + shift < 1970 or project_end.year + shift > 2035:
        raise SystemExit(f"error: the plan ({first} - {project_end}) does not fit TaskJuggler's 1970-2035")

    def tj_date(d: dt.date) -> str:
        return (d.replace(year=d.year + shift) if shift else d).isoformat()

    o = []
    w = o.append
    title = head.get("title", "implan")
    w(f"# Generated by benches/tj3/tjp.py from an implan plan: {title}\n")
    if shift:
        w(f"# TaskJuggler 3 only knows the years 1970-2035: every date is moved by {shift} years (a whole number\n"
          f"# of 28-year calendar cycles, so weekdays stay the same): {plan_span.start} is {tj_date(plan_span.start)}.\n")
    w(f"project implan {q(title)} {tj_date(plan_span.start)} - {tj_date(project_end)} {{\n")
    w('  currency "NOK"\n')
    w("}\n\n")
    if flag_of:
        w("flags " + ", ".join(flag_of.values()) + "\n")
    has_cost = any(x.cost for x in acts)
    if has_cost:
        w('account kostnader "Kostnader"\n')
    w("\n")
    for tid, name in roles:
        w(f"resource {tid} {q(name)}\n")
    kw = "allocate" if owner_mode == "allocate" else "responsible"

    def task(x: Activity, ind: str):
        w(f"{ind}task {x.tid} {q(x.title)} {{\n")
        w(f"{ind}  start {tj_date(x.start)}\n")
        if x.day:
            w(f"{ind}  milestone\n")
        else:
            w(f"{ind}  end {tj_date(x.end + dt.timedelta(days=1))}\n")
        if x.owners:
            w(f"{ind}  {kw} {', '.join(x.owners)}\n")
        d = deps[id(x)]
        if d:
            w(f"{ind}  depends " + ", ".join(f"{ref} {{ onstart }}" for _y, ref in d) + "\n")
        if x.flags:
            w(f"{ind}  flags {', '.join(x.flags)}\n")
        if x.cost:
            w(f"{ind}  chargeset kostnader\n{ind}  charge {x.cost} onstart\n")
        w(f"{ind}}}\n")

    for ph in phases:
        w(f"\ntask {ph['tid']} {q(ph['name'])} {{\n")
        if not ph["acts"]:
            # An empty phase is a leaf task in TaskJuggler: it needs dates of its own.
            try:
                span = parse_period(ph["src"].get("start") or ph["src"]["period"])
                w(f"  start {tj_date(span.start)}\n  end {tj_date(span.end + dt.timedelta(days=1))}\n")
            except (KeyError, ValueError):
                w(f"  start {tj_date(plan_span.start)}\n  milestone\n")
        for x in ph["acts"]:
            task(x, "  ")
        w("}\n")
    for x in loose["acts"]:
        w("\n")
        task(x, "")
    return "".join(o)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("plan", help="an implan plan (TOML)")
    ap.add_argument("--owner", choices=("allocate", "responsible"), default="allocate",
                    help="map an activity's owner to `allocate` (default) or `responsible`")
    args = ap.parse_args()
    with open(args.plan, "rb") as f:
        plan = tomllib.load(f)
    sys.stdout.write(convert(plan, args.owner))
    return 0


if __name__ == "__main__":
    sys.exit(main())
